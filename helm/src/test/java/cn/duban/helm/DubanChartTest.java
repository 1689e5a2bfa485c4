package cn.duban.helm;

import static cn.duban.helm.RenderedChart.PREFIX;
import static cn.duban.helm.RenderedChart.at;
import static cn.duban.helm.RenderedChart.container;
import static cn.duban.helm.RenderedChart.secretRefs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.events.Topics;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lints and renders helm/duban with real Helm and checks the manifests as a reviewer of the chart would. */
class DubanChartTest {

    /** Every service and its port (docs/operations.md). */
    static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    static final List<String> SECTORS = List.of("agriculture", "industry", "culture-tourism", "urban-construction",
            "reform", "livelihood");

    static {
        PORTS.put("gateway", 8080);
        PORTS.put("supervision", 8081);
        for (int i = 0; i < SECTORS.size(); i++) {
            PORTS.put(SECTORS.get(i), 8082 + i);
        }
        PORTS.put("notifier", 8088);
    }

    static RenderedChart defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = RenderedChart.render();
    }

    @Test
    void lintPassesStrictly() {
        LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void aDeploymentAndAServicePerServiceOnItsPort() {
        assertThat(defaults.names("Deployment")).containsExactlyInAnyOrderElementsOf(
                PORTS.keySet().stream().map(s -> PREFIX + s).toList());
        PORTS.forEach((name, port) -> {
            Map<String, Object> deployment = defaults.get("Deployment", PREFIX + name);
            List<Map<String, Object>> ports = at(container(deployment), "ports");
            assertThat(ports).singleElement().satisfies(p -> {
                assertThat(p).containsEntry("name", "http").containsEntry("containerPort", port);
            });
            Map<String, Object> service = defaults.get("Service", PREFIX + name);
            List<Map<String, Object>> servicePorts = at(service, "spec", "ports");
            assertThat(servicePorts).singleElement().satisfies(p -> {
                assertThat(p).containsEntry("port", port).containsEntry("targetPort", "http");
            });
            Map<String, Object> podLabels = at(deployment, "spec", "template", "metadata", "labels");
            Map<String, Object> selector = at(service, "spec", "selector");
            assertThat(podLabels).as(name + " pods carry the Service's selector").containsAllEntriesOf(selector);
            assertThat(selector).containsEntry("app.kubernetes.io/name", name);
        });
    }

    @Test
    void everyDeploymentProbesQuarkusHealthAndHasRequestsAndLimits() {
        assertThat(defaults.kind("Deployment")).hasSize(9).allSatisfy(deployment -> {
            Map<String, Object> c = container(deployment);
            assertThat((String) at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat((String) at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat((Object) at(c, "livenessProbe", "httpGet", "port")).isEqualTo("http");
            assertThat((Object) at(c, "readinessProbe", "httpGet", "port")).isEqualTo("http");
            for (String kind : List.of("requests", "limits")) {
                Map<String, Object> r = at(c, "resources", kind);
                assertThat(r).as("%s %s", at(deployment, "metadata", "name"), kind).containsKeys("cpu", "memory");
            }
        });
    }

    @Test
    void theGatewayTrustsOnlyTheConfiguredProxiesWithTheClientsAddress() {
        RenderedChart chart = RenderedChart.render("ingress.trustedProxies[0]", "10.42.0.0/16",
                "ingress.trustedProxies[1]", "10.43.0.10");
        Map<String, Object> gateway = chart.get("Deployment", PREFIX + "gateway");
        List<Map<String, Object>> envFrom = at(container(gateway), "envFrom");
        Map<String, Object> data = at(chart.get("ConfigMap", at(envFrom.get(0), "configMapRef", "name")), "data");
        assertThat(data).containsEntry("DUBAN_GATEWAY_TRUSTED_PROXIES", "10.42.0.0/16,10.43.0.10");
    }

    @Test
    void imagesComeFromValues() {
        RenderedChart chart = RenderedChart.render("global.image.registry", "registry.test.invalid",
                "global.image.tag", "tag-4711-from-test", "services.reform.image.tag", "reform-only-42");
        PORTS.keySet().forEach(name -> {
            String image = (String) container(chart.get("Deployment", PREFIX + name)).get("image");
            String tag = name.equals("reform") ? "reform-only-42" : "tag-4711-from-test";
            assertThat(image).isEqualTo("registry.test.invalid/duban/" + name + ":" + tag);
        });
        assertThat((String) container(defaults.get("Deployment", PREFIX + "gateway")).get("image"))
                .as("no registry host by default").isEqualTo("duban/gateway:0.1.0-SNAPSHOT");
    }

    @Test
    void configurationFromTheConfigMapAndCredentialsFromTheSecret() {
        RenderedChart chart = RenderedChart.render("postgresql.host", "pg.test", "kafka.bootstrapServers",
                "kafka-0.test:9093", "keycloak.issuerUrl", "https://sso.test/realms/duban",
                "services.industry.database.jdbcUrl", "jdbc:postgresql://elsewhere:5433/ind");
        PORTS.keySet().forEach(name -> {
            Map<String, Object> deployment = chart.get("Deployment", PREFIX + name);
            List<Map<String, Object>> envFrom = at(container(deployment), "envFrom");
            String configMapName = at(envFrom.get(0), "configMapRef", "name");
            Map<String, Object> data = at(chart.get("ConfigMap", configMapName), "data");
            assertThat(data).containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://sso.test/realms/duban")
                    .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(PORTS.get(name)));
            // Inside a pod Quarkus listens on every interface (its default); only local runs bind 127.0.0.1.
            assertThat(data).doesNotContainKey("QUARKUS_HTTP_HOST");
            if (name.equals("gateway")) {
                assertThat(data).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS",
                                "DUBAN_GATEWAY_TRUSTED_PROXIES")
                        .containsEntry("DUBAN_GATEWAY_SUPERVISION_URL", "http://" + PREFIX + "supervision:8081")
                        .containsEntry("DUBAN_GATEWAY_CULTURE_TOURISM_URL", "http://" + PREFIX + "culture-tourism:8084")
                        .containsEntry("DUBAN_GATEWAY_NOTIFIER_URL", "http://" + PREFIX + "notifier:8088");
                assertThat(secretRefs(deployment)).isEmpty();
                return;
            }
            if (name.equals("notifier")) {
                assertThat(data).containsEntry("DUBAN_PUBLIC_URL", "https://duban.example")
                        .containsEntry("DUBAN_NOTIFIER_DESTINATION_HOSTS", "oapi.dingtalk.com,qyapi.weixin.qq.com,open.feishu.cn,open.larksuite.com")
                        .doesNotContainKeys("DUBAN_NOTIFIER_SECRET_KEY", "DUBAN_NOTIFIER_RECEIVERS", "QUARKUS_MAILER_PASSWORD");
                assertThat(secretRefs(deployment)).as("receivers' secrets, the sealing key and the SMTP login from the Secret")
                        .containsExactly("QUARKUS_DATASOURCE_USERNAME=duban-credentials/db-username",
                                "QUARKUS_DATASOURCE_PASSWORD=duban-credentials/db-password",
                                "DUBAN_NOTIFIER_SECRET_KEY=duban-credentials/notifier-secret-key",
                                "DUBAN_NOTIFIER_RECEIVERS=duban-credentials/notifier-receivers",
                                "QUARKUS_MAILER_USERNAME=duban-credentials/smtp-username",
                                "QUARKUS_MAILER_PASSWORD=duban-credentials/smtp-password");
                assertThat(data).containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://pg.test:5432/duban_notifier")
                        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-0.test:9093");
                return;
            }
            String database = name.equals("industry") ? "jdbc:postgresql://elsewhere:5433/ind"
                    : "jdbc:postgresql://pg.test:5432/duban_" + name.replace('-', '_');
            assertThat(data).containsEntry("QUARKUS_DATASOURCE_JDBC_URL", database)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-0.test:9093")
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                    .doesNotContainKeys("QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
            assertThat(secretRefs(deployment)).containsExactly(
                    "QUARKUS_DATASOURCE_USERNAME=duban-credentials/db-username",
                    "QUARKUS_DATASOURCE_PASSWORD=duban-credentials/db-password");
        });
        assertThat(chart.kind("Secret")).as("the default names an existing Secret, the chart makes none").isEmpty();
    }

    @Test
    void anExistingSecretIsReferencedAndNoSecretRendered() {
        RenderedChart chart = RenderedChart.render("credentials.existingSecret", "vault-synced-duban-4711",
                "kafka.saslMechanism", "SCRAM-SHA-512", "kafka.securityProtocol", "SASL_SSL");
        assertThat(chart.kind("Secret")).isEmpty();
        for (String name : SECTORS) {
            assertThat(secretRefs(chart.get("Deployment", PREFIX + name))).containsExactly(
                    "QUARKUS_DATASOURCE_USERNAME=vault-synced-duban-4711/db-username",
                    "QUARKUS_DATASOURCE_PASSWORD=vault-synced-duban-4711/db-password",
                    "KAFKA_SASL_JAAS_CONFIG=vault-synced-duban-4711/kafka-sasl-jaas-config");
            Map<String, Object> data = at(chart.get("ConfigMap", PREFIX + name), "data");
            assertThat(data).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        }
    }

    @Test
    void withoutAnExistingSecretTheChartNeedsTheCredentialsAtInstall() {
        assertThatThrownBy(() -> RenderedChart.render("credentials.existingSecret", ""))
                .hasMessageContaining("credentials.databaseUsername is required");
        assertThatThrownBy(() -> RenderedChart.render("credentials.existingSecret", "",
                "credentials.databaseUsername", "duban", "credentials.databasePassword", "given-at-install"))
                .hasMessageContaining("credentials.notifierSecretKey is required");
        RenderedChart chart = RenderedChart.render("credentials.existingSecret", "",
                "credentials.databaseUsername", "duban", "credentials.databasePassword", "given-at-install",
                "credentials.notifierSecretKey", "c2VhbGluZy1rZXktZm9yLXRoZS10ZXN0LTMyLWJ5dGU=");
        Map<String, Object> secret = chart.get("Secret", PREFIX + "credentials");
        assertThat((Map<String, Object>) at(secret, "stringData")).containsEntry("db-password", "given-at-install")
                .containsEntry("notifier-secret-key", "c2VhbGluZy1rZXktZm9yLXRoZS10ZXN0LTMyLWJ5dGU=")
                .doesNotContainKeys("kafka-sasl-jaas-config", "notifier-receivers", "smtp-password");
        assertThat(secretRefs(chart.get("Deployment", PREFIX + "supervision")))
                .contains("QUARKUS_DATASOURCE_PASSWORD=" + PREFIX + "credentials/db-password");
    }

    @Test
    void podsAreScrapedByAnnotationAndTracesGoWhereValuesSay() {
        PORTS.forEach((name, port) -> {
            Map<String, Object> annotations = at(defaults.get("Deployment", PREFIX + name), "spec", "template",
                    "metadata", "annotations");
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/q/metrics");
            assertThat((Map<String, Object>) at(defaults.get("ConfigMap", PREFIX + name), "data"))
                    .doesNotContainKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
        });
        RenderedChart chart = RenderedChart.render("metrics.scrapeAnnotations", "false", "serviceMonitor.enabled",
                "true", "tracing.otlpEndpoint", "http://otel-collector.test:4317");
        Map<String, Object> annotations = at(chart.get("Deployment", PREFIX + "industry"), "spec", "template",
                "metadata", "annotations");
        assertThat(annotations).doesNotContainKey("prometheus.io/scrape");
        assertThat(chart.names("ServiceMonitor")).hasSize(1);
        assertThat((Map<String, Object>) at(chart.get("ConfigMap", PREFIX + "industry"), "data"))
                .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.test:4317");
    }

    @Test
    void kafkaTlsTrustsTheClusterCaFromASecret() {
        RenderedChart chart = RenderedChart.render("kafka.tls.caSecret", "duban-cluster-ca-cert");
        Map<String, Object> deployment = chart.get("Deployment", PREFIX + "livelihood");
        List<Map<String, Object>> volumes = at(deployment, "spec", "template", "spec", "volumes");
        assertThat(volumes).anySatisfy(v -> assertThat((Object) at(v, "secret", "secretName"))
                .isEqualTo("duban-cluster-ca-cert"));
        List<Map<String, Object>> mounts = at(container(deployment), "volumeMounts");
        assertThat(mounts).anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/etc/duban/kafka-ca"));
        assertThat((Map<String, Object>) at(chart.get("ConfigMap", PREFIX + "livelihood"), "data"))
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/duban/kafka-ca/ca.crt");
    }

    @Test
    void autoscalersForTheGatewayAndTheSectorsNotForSupervision() {
        List<String> scaled = defaults.kind("HorizontalPodAutoscaler").stream()
                .map(h -> (String) at(h, "spec", "scaleTargetRef", "name")).toList();
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(
                PORTS.keySet().stream().filter(s -> !s.equals("supervision")).map(s -> PREFIX + s).toList());
        assertThat(defaults.names("Deployment")).containsAll(scaled);
        assertThat((Object) at(defaults.get("Deployment", PREFIX + "supervision"), "spec", "replicas")).isEqualTo(1);
        assertThat((Object) at(defaults.get("Deployment", PREFIX + "agriculture"), "spec", "replicas"))
                .as("an autoscaled Deployment leaves replicas to its HPA").isNull();
        Map<String, Object> gateway = defaults.get("HorizontalPodAutoscaler", PREFIX + "gateway");
        assertThat((Object) at(gateway, "spec", "minReplicas")).isEqualTo(2);

        RenderedChart off = RenderedChart.render("services.reform.autoscaling.enabled", "false");
        assertThat(off.names("HorizontalPodAutoscaler")).hasSize(7).doesNotContain(PREFIX + "reform");
    }

    @Test
    void theIngressRoutesEverythingToTheGateway() {
        Map<String, Object> ingress = defaults.get("Ingress", "test-duban");
        List<Map<String, Object>> rules = at(ingress, "spec", "rules");
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule).containsEntry("host", "duban.example");
            List<Map<String, Object>> paths = at(rule, "http", "paths");
            assertThat(paths).singleElement().satisfies(p -> {
                assertThat(p).containsEntry("path", "/").containsEntry("pathType", "Prefix");
                assertThat((Object) at(p, "backend", "service", "name")).isEqualTo(PREFIX + "gateway");
                assertThat((Object) at(p, "backend", "service", "port", "number")).isEqualTo(8080);
            });
        });
        defaults.get("Service", PREFIX + "gateway");
        assertThat(RenderedChart.render("ingress.enabled", "false").kind("Ingress")).isEmpty();
    }

    @Test
    void theServiceMonitorRendersOnlyWhenEnabled() {
        assertThat(defaults.kind("ServiceMonitor")).isEmpty();
        RenderedChart chart = RenderedChart.render("serviceMonitor.enabled", "true");
        Map<String, Object> monitor = chart.kind("ServiceMonitor").get(0);
        List<Map<String, Object>> endpoints = at(monitor, "spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> assertThat(e).containsEntry("path", "/q/metrics")
                .containsEntry("port", "http"));
        Map<String, Object> selector = at(monitor, "spec", "selector", "matchLabels");
        assertThat(chart.kind("Service")).hasSize(9).allSatisfy(s -> assertThat(
                (Map<String, Object>) at(s, "metadata", "labels")).containsAllEntriesOf(selector));
    }

    @Test
    void strimziTopicsOnlyWhenAskedWithTheContractsNamesAndPartitions() {
        assertThat(defaults.kind("KafkaTopic")).isEmpty();
        RenderedChart chart = RenderedChart.render("kafka.topics.create", "true");
        Map<String, Object> partitions = chart.kind("KafkaTopic").stream().collect(Collectors.toMap(
                t -> (String) at(t, "spec", "topicName"), t -> at(t, "spec", "partitions")));
        Map<String, Object> expected = new java.util.HashMap<>(Map.of(Topics.TASKS, 6, Topics.ALERTS, 6,
                Topics.deadLetter(Topics.TASKS), 1, Topics.PROGRESS_DEAD_LETTERS, 1, Topics.deadLetter(Topics.ALERTS), 1));
        Topics.progressTopics().forEach(topic -> expected.put(topic, 6));
        assertThat(partitions).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(chart.kind("KafkaTopic")).allSatisfy(t -> assertThat(
                (Map<String, Object>) at(t, "metadata", "labels")).containsEntry("strimzi.io/cluster", "duban"));
    }

    @Test
    void noSecretValueInTheDefaults() {
        assertThat(defaults.kind("Secret")).isEmpty();
        assertThat(defaults.kind("ConfigMap")).allSatisfy(c -> assertThat(
                ((Map<String, Object>) at(c, "data")).keySet()).noneMatch(k -> k.contains("PASSWORD") || k.contains("JAAS")));
    }
}
