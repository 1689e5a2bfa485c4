{{/* Name prefix of every resource: the release name, plus "duban" unless the release name holds it. */}}
{{- define "duban.fullname" -}}
{{- if contains "duban" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-duban" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "duban.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: duban
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "name" $name). */}}
{{- define "duban.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
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
  targetCPUUtilizationPercentage: {{ $as.targetCPUUtilizationPercentage | default $d.autoscaling.targetCPUUtilizationPercentage }}
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
{{- printf "jdbc:postgresql://%s:%v/%s%s%s" $pg.host $pg.port $pg.databasePrefix (.svc.name | replace "-" "_") $pg.parameters -}}
{{- end -}}
{{- end -}}

{{/* The non-secret environment of one service, as ConfigMap data. Call with (dict "root" $ "svc" $svc). */}}
{{- define "duban.configData" -}}
{{- $v := .root.Values -}}
QUARKUS_PROFILE: {{ $v.global.quarkusProfile | quote }}
QUARKUS_HTTP_PORT: {{ .svc.port | quote }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ required "keycloak.issuerUrl is required" $v.keycloak.issuerUrl | quote }}
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
{{- if eq .svc.name "gateway" }}
{{- if $v.ingress.trustedProxies }}
DUBAN_GATEWAY_TRUSTED_PROXIES: {{ join "," $v.ingress.trustedProxies | quote }}
{{- end }}
{{- $fullname := include "duban.fullname" .root }}
{{- range $name, $s := $v.services }}
{{- if ne $name "gateway" }}
{{ printf "DUBAN_GATEWAY_%s_URL" ($name | upper | replace "-" "_") }}: {{ printf "http://%s-%s:%v" $fullname $name $s.port | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .svc.name "notifier" }}
{{- $n := $v.notifier }}
DUBAN_PUBLIC_URL: {{ $n.publicUrl | default (printf "https://%s" $v.ingress.host) | quote }}
DUBAN_NOTIFIER_DESTINATION_HOSTS: {{ join "," $n.destinationHosts | quote }}
DUBAN_SMTP_HOST: {{ $n.smtp.host | quote }}
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
