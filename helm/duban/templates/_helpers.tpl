{{/* Name prefix of every resource: the release name, plus "duban" unless the release name holds it. */}}
{{- define "duban.fullname" -}}
{{- if contains "duban" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-duban" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The labels of every resource (Kubernetes' recommended app.kubernetes.io/* set and helm.sh/chart). */}}
{{- define "duban.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: duban
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* The labels of one service's resources; call with (dict "root" $ "name" $name). */}}
{{- define "duban.serviceLabels" -}}
{{ include "duban.labels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ include "duban.component" .name }}
{{- end -}}

{{/* What a service is: the edge (gateway), the ledger (supervision), a sector, or the notifier. */}}
{{- define "duban.component" -}}
{{- if has . (list "gateway" "supervision" "notifier") -}}
{{- . -}}
{{- else -}}
sector
{{- end -}}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "name" $name). */}}
{{- define "duban.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The name of one service's resources; call with (dict "root" $ "name" $name). */}}
{{- define "duban.serviceName" -}}
{{- printf "%s-%s" (include "duban.fullname" .root) .name -}}
{{- end -}}

{{/*
One service's effective settings: its entry under services, falling back key by key to defaults.
Written out instead of sprig's merge, which cannot override a default true with false.
Call with (dict "root" $ "name" $name); returns YAML, read it back with fromYaml.
*/}}
{{- define "duban.service" -}}
{{- $d := .root.Values.defaults -}}
{{- $s := get .root.Values.services .name -}}
{{- $as := $s.autoscaling | default dict -}}
{{- $image := $s.image | default dict -}}
{{- $g := .root.Values.global.image -}}
name: {{ .name }}
component: {{ include "duban.component" .name }}
port: {{ required (printf "services.%s.port is required" .name) $s.port }}
replicas: {{ hasKey $s "replicas" | ternary $s.replicas $d.replicas }}
usesDatabase: {{ hasKey $s "usesDatabase" | ternary $s.usesDatabase $d.usesDatabase }}
usesKafka: {{ hasKey $s "usesKafka" | ternary $s.usesKafka $d.usesKafka }}
image:
  registry: {{ hasKey $image "registry" | ternary $image.registry $g.registry | quote }}
  repository: {{ $image.repository | default (printf "duban/%s" .name) | quote }}
  tag: {{ $image.tag | default $g.tag | default .root.Chart.AppVersion | quote }}
  pullPolicy: {{ $image.pullPolicy | default $g.pullPolicy }}
autoscaling:
  enabled: {{ hasKey $as "enabled" | ternary $as.enabled $d.autoscaling.enabled }}
  minReplicas: {{ $as.minReplicas | default $d.autoscaling.minReplicas }}
  maxReplicas: {{ $as.maxReplicas | default $d.autoscaling.maxReplicas }}
  targetCPUUtilizationPercentage: {{ hasKey $as "targetCPUUtilizationPercentage" | ternary $as.targetCPUUtilizationPercentage $d.autoscaling.targetCPUUtilizationPercentage | toJson }}
  consumerLag:
    {{- toYaml ($as.consumerLag | default dict) | nindent 4 }}
resources:
  {{- toYaml ($s.resources | default $d.resources) | nindent 2 }}
probes:
  {{- toYaml ($s.probes | default $d.probes) | nindent 2 }}
database:
  jdbcUrl: {{ (($s.database | default dict).jdbcUrl) | default "" | quote }}
  existingSecret: {{ (($s.database | default dict).existingSecret) | default "" | quote }}
env:
  {{- toYaml ($s.env | default dict) | nindent 2 }}
{{- end -}}

{{/* The replicas a service runs at least: its HPA's minimum, or its fixed count. Call with the effective settings. */}}
{{- define "duban.minReplicas" -}}
{{- if .autoscaling.enabled -}}
{{- .autoscaling.minReplicas -}}
{{- else -}}
{{- .replicas -}}
{{- end -}}
{{- end -}}

{{/* The Secret every service reads its credentials from. */}}
{{- define "duban.credentialsSecret" -}}
{{- if .Values.credentials.existingSecret -}}
{{- .Values.credentials.existingSecret -}}
{{- else -}}
{{- printf "%s-credentials" (include "duban.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The image of one service: [registry/]repository:tag. Call with the effective service settings. */}}
{{- define "duban.image" -}}
{{- if .image.registry -}}
{{- printf "%s/%s:%s" .image.registry .image.repository .image.tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository .image.tag -}}
{{- end -}}
{{- end -}}

{{/* The JDBC URL of one service's own database. Call with (dict "root" $ "svc" $svc). */}}
{{- define "duban.jdbcUrl" -}}
{{- if .svc.database.jdbcUrl -}}
{{- .svc.database.jdbcUrl -}}
{{- else -}}
{{- $pg := .root.Values.postgresql -}}
{{- printf "jdbc:postgresql://%s:%v/%s%s%s" (required "postgresql.host is required: the PostgreSQL server's address in the cluster" $pg.host) $pg.port $pg.databasePrefix (.svc.name | replace "-" "_") $pg.parameters -}}
{{- end -}}
{{- end -}}

{{/* The origin people open: publicUrl, or https://<ingress.host>. */}}
{{- define "duban.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl | trimSuffix "/" -}}
{{- else if and .Values.ingress.enabled .Values.ingress.host -}}
{{- printf "https://%s" .Values.ingress.host -}}
{{- else -}}
{{- fail "publicUrl is required (the origin people open, e.g. https://duban.example.gov.cn), or ingress.enabled with ingress.host" -}}
{{- end -}}
{{- end -}}

{{/* Where pods reach Keycloak itself (its backchannel), without a trailing slash. */}}
{{- define "duban.keycloakInternalUrl" -}}
{{- required "keycloak.internalUrl is required: where pods reach Keycloak, e.g. http://keycloak.keycloak.svc:8080" .Values.keycloak.internalUrl | trimSuffix "/" -}}
{{- end -}}

{{/* The realm as browsers and phones reach it, which is also the issuer its tokens name. */}}
{{- define "duban.keycloakIssuer" -}}
{{- $public := .Values.keycloak.publicUrl | default (include "duban.publicUrl" .) | trimSuffix "/" -}}
{{- printf "%s/realms/%s" $public .Values.keycloak.realm -}}
{{- end -}}

{{/* The Kafka principal of one service: the KafkaUser's name and the Secret Strimzi makes for it. */}}
{{- define "duban.kafkaUser" -}}
{{- include "duban.serviceName" . -}}
{{- end -}}

{{/*
Where one service's sasl.jaas.config comes from, as "secret/key": Strimzi's Secret of its KafkaUser, or its own
key in the credentials Secret. Call with (dict "root" $ "name" $name).
*/}}
{{- define "duban.kafkaJaasRef" -}}
{{- $k := .root.Values.kafka -}}
{{- if $k.users.create -}}
{{- printf "%s/sasl.jaas.config" (include "duban.kafkaUser" .) -}}
{{- else -}}
{{- printf "%s/%s%s" (include "duban.credentialsSecret" .root) .root.Values.credentials.keys.kafkaSaslJaasConfigPrefix .name -}}
{{- end -}}
{{- end -}}

{{/*
The Kafka ACLs of one service, the least each needs (helm/duban/README.md, "Kafka"): a sector writes only its own
progress topic, only supervision writes task events and alerts. Call with (dict "root" $ "name" $name).
*/}}
{{- define "duban.kafkaAcls" -}}
{{- $group := printf "%s%s" .root.Values.kafka.users.groupPrefix .name -}}
{{- $component := include "duban.component" .name -}}
{{- if eq $component "sector" }}
- resource: { type: topic, name: {{ printf "duban.progress.%s.v1" .name | quote }}, patternType: literal }
  operations: [Write, Describe]
- resource: { type: topic, name: duban.tasks.v1, patternType: literal }
  operations: [Read, Describe]
- resource: { type: topic, name: duban.alerts.v1, patternType: literal }
  operations: [Read, Describe]
- resource: { type: topic, name: duban.tasks.v1.dlq, patternType: literal }
  operations: [Write, Describe]
- resource: { type: topic, name: duban.alerts.v1.dlq, patternType: literal }
  operations: [Write, Describe]
{{- else if eq $component "supervision" }}
- resource: { type: topic, name: duban.progress., patternType: prefix }
  operations: [Read, Describe]
- resource: { type: topic, name: duban.tasks.v1, patternType: literal }
  operations: [Write, Describe]
- resource: { type: topic, name: duban.alerts.v1, patternType: literal }
  operations: [Write, Describe]
- resource: { type: topic, name: duban.progress.v1.dlq, patternType: literal }
  operations: [Write, Describe]
{{- else if eq $component "notifier" }}
- resource: { type: topic, name: duban.alerts.v1, patternType: literal }
  operations: [Read, Describe]
- resource: { type: topic, name: duban.tasks.v1, patternType: literal }
  operations: [Read, Describe]
- resource: { type: topic, name: duban.alerts.v1.dlq, patternType: literal }
  operations: [Write, Describe]
- resource: { type: topic, name: duban.tasks.v1.dlq, patternType: literal }
  operations: [Write, Describe]
{{- end }}
- resource: { type: group, name: {{ $group | quote }}, patternType: prefix }
  operations: [Read, Describe]
{{- end -}}

{{/* The non-secret environment of one service, as ConfigMap data. Call with (dict "root" $ "svc" $svc). */}}
{{- define "duban.configData" -}}
{{- $v := .root.Values -}}
QUARKUS_PROFILE: {{ $v.global.quarkusProfile | quote }}
QUARKUS_HTTP_PORT: {{ .svc.port | quote }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ printf "%s/realms/%s" (include "duban.keycloakInternalUrl" .root) $v.keycloak.realm | quote }}
QUARKUS_OIDC_TOKEN_ISSUER: {{ include "duban.keycloakIssuer" .root | quote }}
JAVA_OPTS_APPEND: {{ $v.global.javaOptions | quote }}
{{- if $v.tracing.otlpEndpoint }}
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ $v.tracing.otlpEndpoint | quote }}
{{- end }}
{{- if .svc.usesDatabase }}
QUARKUS_DATASOURCE_JDBC_URL: {{ include "duban.jdbcUrl" . | quote }}
{{- end }}
{{- if .svc.usesKafka }}
KAFKA_BOOTSTRAP_SERVERS: {{ required "kafka.bootstrapServers is required" $v.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ $v.kafka.securityProtocol | quote }}
{{- if $v.kafka.saslMechanism }}
KAFKA_SASL_MECHANISM: {{ $v.kafka.saslMechanism | quote }}
{{- end }}
{{- if $v.kafka.tls.caSecret }}
KAFKA_SSL_TRUSTSTORE_TYPE: "PEM"
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/duban/kafka-ca/%s" $v.kafka.tls.caKey | quote }}
{{- end }}
{{- end }}
{{- if eq .svc.name "supervision" }}
DUBAN_WEB_KEYCLOAK_URL: {{ include "duban.keycloakIssuer" .root | quote }}
{{- end }}
{{- if eq .svc.name "gateway" }}
DUBAN_GATEWAY_KEYCLOAK_URL: {{ include "duban.keycloakInternalUrl" .root | quote }}
DUBAN_GATEWAY_CORS_ORIGINS: {{ join "," ($v.gateway.corsOrigins | default (list (include "duban.publicUrl" .root))) | quote }}
{{- $proxies := $v.ingress.trustedProxies }}
{{- if and $v.ingress.enabled (not $proxies) }}
{{- fail "ingress.trustedProxies is required with the Ingress: the Ingress controller pods' addresses or CIDR (e.g. [10.42.0.0/16]), the only peers whose X-Forwarded-For names the client" }}
{{- end }}
{{- if $proxies }}
DUBAN_GATEWAY_TRUSTED_PROXIES: {{ join "," $proxies | quote }}
{{- end }}
{{- range $name, $s := $v.services }}
{{- if ne $name "gateway" }}
{{ printf "DUBAN_GATEWAY_%s_URL" ($name | upper | replace "-" "_") }}: {{ printf "http://%s:%v" (include "duban.serviceName" (dict "root" $.root "name" $name)) $s.port | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .svc.name "notifier" }}
{{- $n := $v.notifier }}
DUBAN_PUBLIC_URL: {{ include "duban.publicUrl" .root | quote }}
DUBAN_NOTIFIER_DESTINATION_HOSTS: {{ join "," $n.destinationHosts | quote }}
DUBAN_SMTP_HOST: {{ required "notifier.smtp.host is required: the office's mail server" $n.smtp.host | quote }}
DUBAN_SMTP_PORT: {{ $n.smtp.port | quote }}
DUBAN_MAIL_FROM: {{ $n.smtp.from | quote }}
DUBAN_SMTP_START_TLS: {{ $n.smtp.startTls | quote }}
{{- end }}
{{- range $k, $val := $v.global.env }}
{{ $k }}: {{ $val | quote }}
{{- end }}
{{- range $k, $val := .svc.env }}
{{ $k }}: {{ $val | quote }}
{{- end }}
{{- end -}}

{{/*
ingress-nginx annotations for the edge duties it can take from the gateway (README.md, "Ingress or gateway");
ingress.annotations given by hand win over these.
*/}}
{{- define "duban.nginxAnnotations" -}}
{{- $n := .Values.ingress.nginx -}}
{{- if $n.enabled -}}
{{- $p := "nginx.ingress.kubernetes.io/" -}}
{{ $p }}force-ssl-redirect: {{ and $n.forceSslRedirect (not (empty .Values.ingress.tls)) | quote }}
{{ $p }}proxy-body-size: {{ $n.proxyBodySize | quote }}
{{- if gt (int $n.limitRps) 0 }}
{{ $p }}limit-rps: {{ $n.limitRps | quote }}
{{ $p }}limit-burst-multiplier: {{ $n.limitBurstMultiplier | quote }}
{{- end }}
{{- if gt (int $n.limitConnections) 0 }}
{{ $p }}limit-connections: {{ $n.limitConnections | quote }}
{{- end }}
{{- if $n.cors }}
{{ $p }}enable-cors: "true"
{{ $p }}cors-allow-origin: {{ join ", " (.Values.gateway.corsOrigins | default (list (include "duban.publicUrl" .))) | quote }}
{{ $p }}cors-allow-methods: "GET, POST, PUT, DELETE, OPTIONS"
{{ $p }}cors-allow-headers: "Authorization, Content-Type, Accept, If-None-Match, Idempotency-Key, X-Request-Id"
{{ $p }}cors-expose-headers: "ETag, Retry-After, X-Request-Id, Location"
{{ $p }}cors-max-age: "3600"
{{- end }}
{{ $p }}proxy-read-timeout: {{ $n.proxyReadTimeout | quote }}
{{ $p }}proxy-buffering: {{ $n.proxyBuffering | quote }}
{{- end -}}
{{- end -}}
