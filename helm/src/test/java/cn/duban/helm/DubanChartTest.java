package cn.duban.helm;

import static cn.duban.helm.RenderedChart.PREFIX;
import static cn.duban.helm.RenderedChart.at;
import static cn.duban.helm.RenderedChart.container;
import static cn.duban.helm.RenderedChart.secretRefs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void noAddressOfALocalRunIsADefaultAndEveryAddressWithoutOneIsRequired() throws Exception {
        for (String file : List.of("values.yaml", "values.schema.json")) {
            assertThat(Files.readString(RenderedChart.CHART.resolve(file))).as(file)
                    .doesNotContain("127.0.0.1").doesNotContainIgnoringCase("localhost");
        }
        try (var templates = Files.walk(RenderedChart.CHART.resolve("templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(t)).as(t.toString()).doesNotContain("127.0.0.1").doesNotContainIgnoringCase("localhost");
            }
        }
        assertThatThrownBy(() -> RenderedChart.render((Path) null)).hasMessageContaining("is required");
        String[] required = {"ingress.host", "duban.example.gov.cn", "ingress.trustedProxies[0]", "10.42.0.0/16",
                "keycloak.internalUrl", "http://keycloak.test:8080", "postgresql.host", "pg.test",
                "notifier.smtp.host", "smtp.test"};
        for (int i = 0; i < required.length; i += 2) {
            List<String> without = new ArrayList<>(List.of(required));
            without.remove(i + 1);
            without.remove(i);
            String key = required[i].replace("[0]", "");
            assertThatThrownBy(() -> RenderedChart.render(null, without.toArray(String[]::new)))
                    .as("without " + key).hasMessageContaining(key + " is required");
        }
        assertThat(RenderedChart.render(null, required).kind("Deployment")).hasSize(9);
    }

    @Test
    void theInstallCommandOfTheReadmeRenders() throws Exception {
        String readme = Files.readString(RenderedChart.CHART.resolve("README.md"));
        String install = readme.substring(readme.indexOf("helm install duban"), readme.indexOf("# 3."));
        java.util.regex.Matcher set = java.util.regex.Pattern.compile("--set ([^=\\s]+)=(\\S+)").matcher(install);
        List<String> sets = new ArrayList<>();
        while (set.find()) {
            String value = set.group(2).replace("'", "");
            if (value.startsWith("{") && value.endsWith("}")) { // the CLI's list syntax; helm-java sets values literally
                String[] items = value.substring(1, value.length() - 1).split(",");
                for (int i = 0; i < items.length; i++) {
                    sets.addAll(List.of(set.group(1) + "[" + i + "]", items[i]));
                }
            } else {
                sets.addAll(List.of(set.group(1), value));
            }
        }
        assertThat(sets).hasSizeGreaterThan(14);
        RenderedChart chart = RenderedChart.render(null, sets.toArray(String[]::new));
        assertThat(chart.kind("Deployment")).hasSize(9);
        assertThat((Map<String, Object>) at(chart.get("ConfigMap", PREFIX + "gateway"), "data"))
                .containsEntry("DUBAN_GATEWAY_TRUSTED_PROXIES", "10.42.0.0/16");
    }

    @Test
    void everyAddressComesFromTheReleasesHostOrItsValues() {
        PORTS.keySet().forEach(name -> {
            Map<String, Object> data = at(defaults.get("ConfigMap", PREFIX + name), "data");
            assertThat(data).as(name)
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://keycloak.keycloak.svc:8080/realms/duban")
                    .containsEntry("QUARKUS_OIDC_TOKEN_ISSUER", "https://duban.example.gov.cn/realms/duban");
            data.values().forEach(v -> assertThat((String) v).as(name).doesNotContain("127.0.0.1").doesNotContain("localhost"));
        });
        assertThat((Map<String, Object>) at(defaults.get("ConfigMap", PREFIX + "gateway"), "data"))
                .containsEntry("DUBAN_GATEWAY_KEYCLOAK_URL", "http://keycloak.keycloak.svc:8080")
                .containsEntry("DUBAN_GATEWAY_CORS_ORIGINS", "https://duban.example.gov.cn")
                .containsEntry("DUBAN_GATEWAY_TRUSTED_PROXIES", "10.42.0.0/16");
        assertThat((Map<String, Object>) at(defaults.get("ConfigMap", PREFIX + "supervision"), "data"))
                .as("the web page signs in where tokens are issued")
                .containsEntry("DUBAN_WEB_KEYCLOAK_URL", "https://duban.example.gov.cn/realms/duban");
        assertThat((Map<String, Object>) at(defaults.get("ConfigMap", PREFIX + "notifier"), "data"))
                .containsEntry("DUBAN_PUBLIC_URL", "https://duban.example.gov.cn");

        RenderedChart own = RenderedChart.render("publicUrl", "https://ducha.test.invalid/", "keycloak.publicUrl",
                "https://sso.test.invalid", "keycloak.realm", "county", "gateway.corsOrigins[0]", "https://a.test.invalid",
                "gateway.corsOrigins[1]", "https://b.test.invalid");
        assertThat((Map<String, Object>) at(own.get("ConfigMap", PREFIX + "gateway"), "data"))
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://keycloak.keycloak.svc:8080/realms/county")
                .containsEntry("QUARKUS_OIDC_TOKEN_ISSUER", "https://sso.test.invalid/realms/county")
                .containsEntry("DUBAN_GATEWAY_CORS_ORIGINS", "https://a.test.invalid,https://b.test.invalid");
        assertThat((Map<String, Object>) at(own.get("ConfigMap", PREFIX + "notifier"), "data"))
                .containsEntry("DUBAN_PUBLIC_URL", "https://ducha.test.invalid");
        assertThatThrownBy(() -> RenderedChart.render("gateway.corsOrigins[0]", "*"))
                .as("the schema refuses a wildcard origin").hasMessageContaining("corsOrigins");
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
                "kafka-0.test:9093", "keycloak.internalUrl", "http://sso.test:8080",
                "services.industry.database.jdbcUrl", "jdbc:postgresql://elsewhere:5433/ind");
        PORTS.keySet().forEach(name -> {
            Map<String, Object> deployment = chart.get("Deployment", PREFIX + name);
            List<Map<String, Object>> envFrom = at(container(deployment), "envFrom");
            String configMapName = at(envFrom.get(0), "configMapRef", "name");
            Map<String, Object> data = at(chart.get("ConfigMap", configMapName), "data");
            assertThat(data).containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://sso.test:8080/realms/duban")
                    .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(PORTS.get(name)));
            // Inside a pod Quarkus listens on every interface (its default); only local runs bind 127.0.0.1.
            assertThat(data).doesNotContainKey("QUARKUS_HTTP_HOST");
            if (name.equals("gateway")) {
                assertThat(data).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS")
                        .containsEntry("DUBAN_GATEWAY_SUPERVISION_URL", "http://" + PREFIX + "supervision:8081")
                        .containsEntry("DUBAN_GATEWAY_CULTURE_TOURISM_URL", "http://" + PREFIX + "culture-tourism:8084")
                        .containsEntry("DUBAN_GATEWAY_NOTIFIER_URL", "http://" + PREFIX + "notifier:8088");
                assertThat(secretRefs(deployment)).isEmpty();
                return;
            }
            if (name.equals("notifier")) {
                assertThat(data).containsEntry("DUBAN_PUBLIC_URL", "https://duban.example.gov.cn")
                        .containsEntry("DUBAN_NOTIFIER_DESTINATION_HOSTS", "oapi.dingtalk.com,qyapi.weixin.qq.com,open.feishu.cn,open.larksuite.com")
                        .doesNotContainKeys("DUBAN_NOTIFIER_SECRET_KEY", "DUBAN_NOTIFIER_RECEIVERS", "QUARKUS_MAILER_PASSWORD");
                assertThat(secretRefs(deployment)).as("receivers' secrets, the sealing key and the SMTP login from the Secret")
                        .containsExactly("QUARKUS_DATASOURCE_USERNAME=duban-credentials/db-username",
                                "QUARKUS_DATASOURCE_PASSWORD=duban-credentials/db-password",
                                "KAFKA_SASL_JAAS_CONFIG=duban-credentials/kafka-sasl-jaas-config-notifier",
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
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .doesNotContainKeys("QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
            assertThat(secretRefs(deployment)).as("each service logs in to Kafka as its own principal").containsExactly(
                    "QUARKUS_DATASOURCE_USERNAME=duban-credentials/db-username",
                    "QUARKUS_DATASOURCE_PASSWORD=duban-credentials/db-password",
                    "KAFKA_SASL_JAAS_CONFIG=duban-credentials/kafka-sasl-jaas-config-" + name);
        });
        assertThat(chart.kind("Secret")).as("the default names an existing Secret, the chart makes none").isEmpty();
    }

    @Test
    void anExistingSecretIsReferencedAndNoSecretRendered() {
        RenderedChart chart = RenderedChart.render("credentials.existingSecret", "vault-synced-duban-4711",
                "kafka.securityProtocol", "SASL_PLAINTEXT");
        assertThat(chart.kind("Secret")).isEmpty();
        for (String name : SECTORS) {
            assertThat(secretRefs(chart.get("Deployment", PREFIX + name))).containsExactly(
                    "QUARKUS_DATASOURCE_USERNAME=vault-synced-duban-4711/db-username",
                    "QUARKUS_DATASOURCE_PASSWORD=vault-synced-duban-4711/db-password",
                    "KAFKA_SASL_JAAS_CONFIG=vault-synced-duban-4711/kafka-sasl-jaas-config-" + name);
            Map<String, Object> data = at(chart.get("ConfigMap", PREFIX + name), "data");
            assertThat(data).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
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
        assertThatThrownBy(() -> RenderedChart.render("credentials.existingSecret", "",
                "credentials.databaseUsername", "duban", "credentials.databasePassword", "given-at-install",
                "credentials.notifierSecretKey", "c2VhbGluZy1rZXktZm9yLXRoZS10ZXN0LTMyLWJ5dGU="))
                .hasMessageContaining("credentials.kafkaSaslJaasConfig.agriculture is required");
        List<String> sets = new ArrayList<>(List.of("credentials.existingSecret", "",
                "credentials.databaseUsername", "duban", "credentials.databasePassword", "given-at-install",
                "credentials.notifierSecretKey", "c2VhbGluZy1rZXktZm9yLXRoZS10ZXN0LTMyLWJ5dGU="));
        for (String name : PORTS.keySet()) {
            sets.addAll(List.of("credentials.kafkaSaslJaasConfig." + name, "jaas of " + name));
        }
        RenderedChart chart = RenderedChart.render(sets.toArray(String[]::new));
        Map<String, Object> secret = chart.get("Secret", PREFIX + "credentials");
        assertThat((Map<String, Object>) at(secret, "stringData")).containsEntry("db-password", "given-at-install")
                .containsEntry("notifier-secret-key", "c2VhbGluZy1rZXktZm9yLXRoZS10ZXN0LTMyLWJ5dGU=")
                .containsEntry("kafka-sasl-jaas-config-livelihood", "jaas of livelihood")
                .containsEntry("kafka-sasl-jaas-config-supervision", "jaas of supervision")
                .doesNotContainKeys("kafka-sasl-jaas-config-gateway", "notifier-receivers", "smtp-password");
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
            assertThat(rule).containsEntry("host", "duban.example.gov.cn");
            List<Map<String, Object>> paths = at(rule, "http", "paths");
            assertThat(paths).singleElement().satisfies(p -> {
                assertThat(p).containsEntry("path", "/").containsEntry("pathType", "Prefix");
                assertThat((Object) at(p, "backend", "service", "name")).isEqualTo(PREFIX + "gateway");
                assertThat((Object) at(p, "backend", "service", "port", "number")).isEqualTo(8080);
            });
        });
        defaults.get("Service", PREFIX + "gateway");
        assertThatThrownBy(() -> RenderedChart.render("ingress.enabled", "false"))
                .as("without an Ingress nothing says where people come from").hasMessageContaining("publicUrl is required");
        RenderedChart noIngress = RenderedChart.render("ingress.enabled", "false", "publicUrl", "https://ducha.test.invalid");
        assertThat(noIngress.kind("Ingress")).isEmpty();
        assertThat((Map<String, Object>) at(noIngress.get("ConfigMap", PREFIX + "gateway"), "data"))
                .containsEntry("DUBAN_GATEWAY_CORS_ORIGINS", "https://ducha.test.invalid");
    }

    @Test
    void ingressNginxCanTakeTheEdgeDuties() {
        Map<String, Object> plain = at(defaults.get("Ingress", "test-duban"), "metadata");
        assertThat(plain).doesNotContainKey("annotations");
        RenderedChart production = RenderedChart.render(RenderedChart.PRODUCTION_VALUES);
        Map<String, Object> annotations = at(production.get("Ingress", "test-duban"), "metadata", "annotations");
        String n = "nginx.ingress.kubernetes.io/";
        assertThat(annotations).containsEntry(n + "force-ssl-redirect", "true")
                .containsEntry(n + "proxy-body-size", "32m")
                .containsEntry(n + "limit-rps", "20")
                .containsEntry(n + "limit-burst-multiplier", "5")
                .containsEntry(n + "limit-connections", "50")
                .containsEntry(n + "enable-cors", "true")
                .containsEntry(n + "cors-allow-origin", "https://duban.example.gov.cn, https://app.example.gov.cn")
                .containsEntry(n + "proxy-buffering", "off")
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat((List<Object>) at(production.get("Ingress", "test-duban"), "spec", "tls")).hasSize(1);
        RenderedChart mine = RenderedChart.render("ingress.nginx.enabled", "true", "ingress.nginx.limitRps", "0",
                "ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "64m");
        Map<String, Object> own = at(mine.get("Ingress", "test-duban"), "metadata", "annotations");
        assertThat(own).as("a hand-written annotation wins; no TLS, no redirect; no rate, no limit")
                .containsEntry(n + "proxy-body-size", "64m").containsEntry(n + "force-ssl-redirect", "false")
                .doesNotContainKeys(n + "limit-rps", n + "enable-cors");
    }

    @Test
    void aGrafanaDashboardForTheSidecarOnRealMetrics() throws Exception {
        Map<String, Object> configMap = defaults.get("ConfigMap", "test-duban-dashboard");
        assertThat((Map<String, Object>) at(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        String json = (String) ((Map<String, Object>) configMap.get("data")).get("duban.json");
        Map<String, Object> dashboard = RenderedChart.parse(json).documents.get(0);
        List<Map<String, Object>> panels = at(dashboard, "panels");
        List<String> queries = panels.stream().flatMap(p -> ((List<Map<String, Object>>) p.get("targets")).stream())
                .map(t -> (String) t.get("expr")).toList();
        String all = String.join("\n", queries);
        assertThat(all).contains("kafka_consumer_fetch_manager_records_lag", "duban_outbox_backlog",
                "duban_outbox_oldest_age_seconds", "duban_alerts_open", "duban_alerts_raised_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "status=~\"5..\"");
        assertThat(all).contains("sum by (light)").contains("by (app_kubernetes_io_name)");
        // Every metric the dashboard asks for is one the services serve (docs/operations.md keeps that list).
        String operations = Files.readString(Path.of(System.getProperty("duban.root", ".."), "docs", "operations.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b([a-z_]+)\\{").matcher(all);
        List<String> metrics = new ArrayList<>();
        while (m.find()) {
            metrics.add(m.group(1));
        }
        assertThat(metrics).hasSizeGreaterThan(8).allSatisfy(metric -> assertThat(operations).as(metric)
                .contains(metric.replaceAll("_(sum|count|max)$", "")));
        assertThat(RenderedChart.render("grafanaDashboard.enabled", "false").names("ConfigMap"))
                .doesNotContain("test-duban-dashboard");
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
        Map<String, Object> tasks = chart.kind("KafkaTopic").stream()
                .filter(t -> Topics.TASKS.equals(at(t, "spec", "topicName"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(tasks, "spec", "config"))
                .as("compacted by task id: every task event, TaskClosed too, carries the whole task (docs/events.md)")
                .containsOnly(Map.entry("cleanup.policy", "compact"));
    }

    static String progressTopic(String sector) {
        return Topics.progress(Sector.fromId(sector).orElseThrow());
    }

    /** A KafkaUser's ACLs as "type:name(patternType)=operations", e.g. "topic:duban.tasks.v1(literal)=Read,Describe". */
    static List<String> acls(Map<String, Object> user) {
        List<Map<String, Object>> rules = at(user, "spec", "authorization", "acls");
        return rules.stream().map(r -> at(r, "resource", "type") + ":" + at(r, "resource", "name") + "("
                + at(r, "resource", "patternType") + ")=" + String.join(",", (List<String>) r.get("operations"))).toList();
    }

    @Test
    void withStrimziEachServiceIsItsOwnScramPrincipalWithTheLeastAcls() {
        assertThat(defaults.kind("KafkaUser")).isEmpty();
        RenderedChart chart = RenderedChart.render("kafka.users.create", "true");
        assertThat(chart.names("KafkaUser")).containsExactlyInAnyOrderElementsOf(
                PORTS.keySet().stream().filter(s -> !s.equals("gateway")).map(s -> PREFIX + s).toList());
        for (Map<String, Object> user : chart.kind("KafkaUser")) {
            assertThat((Object) at(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat((Object) at(user, "spec", "authorization", "type")).isEqualTo("simple");
            assertThat((Map<String, Object>) at(user, "metadata", "labels")).containsEntry("strimzi.io/cluster", "duban");
        }
        for (String sector : SECTORS) {
            assertThat(acls(chart.get("KafkaUser", PREFIX + sector))).as(sector).containsExactlyInAnyOrder(
                    "topic:" + progressTopic(sector) + "(literal)=Write,Describe",
                    "topic:duban.tasks.v1(literal)=Read,Describe",
                    "topic:duban.alerts.v1(literal)=Read,Describe",
                    "topic:duban.tasks.v1.dlq(literal)=Write,Describe",
                    "topic:duban.alerts.v1.dlq(literal)=Write,Describe",
                    "group:" + sector + "(prefix)=Read,Describe");
            Map<String, Object> deployment = chart.get("Deployment", PREFIX + sector);
            assertThat(secretRefs(deployment)).as("its password from Strimzi's Secret of its own user")
                    .contains("KAFKA_SASL_JAAS_CONFIG=" + PREFIX + sector + "/sasl.jaas.config");
        }
        assertThat(acls(chart.get("KafkaUser", PREFIX + "supervision"))).containsExactlyInAnyOrder(
                "topic:duban.progress.(prefix)=Read,Describe",
                "topic:duban.tasks.v1(literal)=Write,Describe",
                "topic:duban.alerts.v1(literal)=Write,Describe",
                "topic:duban.progress.v1.dlq(literal)=Write,Describe",
                "group:supervision(prefix)=Read,Describe");
        assertThat(acls(chart.get("KafkaUser", PREFIX + "notifier"))).containsExactlyInAnyOrder(
                "topic:duban.alerts.v1(literal)=Read,Describe",
                "topic:duban.tasks.v1(literal)=Read,Describe",
                "topic:duban.alerts.v1.dlq(literal)=Write,Describe",
                "topic:duban.tasks.v1.dlq(literal)=Write,Describe",
                "group:notifier(prefix)=Read,Describe");
        List<String> writers = chart.kind("KafkaUser").stream().filter(u -> acls(u).stream()
                .anyMatch(a -> a.startsWith("topic:duban.tasks.v1(literal)=Write"))).map(u -> (String) at(u, "metadata", "name")).toList();
        assertThat(writers).as("only supervision produces task events").containsExactly(PREFIX + "supervision");
        assertThat(chart.kind("Secret")).isEmpty();
        assertThat(acls(RenderedChart.render("kafka.users.create", "true", "kafka.users.groupPrefix", "duban-")
                .get("KafkaUser", PREFIX + "reform"))).contains("group:duban-reform(prefix)=Read,Describe");
    }

    @Test
    void aBudgetForEveryServiceThatRunsSeveralReplicas() {
        assertThat(defaults.names("PodDisruptionBudget")).containsExactly(PREFIX + "gateway");
        RenderedChart production = RenderedChart.render(RenderedChart.PRODUCTION_VALUES);
        assertThat(production.names("PodDisruptionBudget")).containsExactlyInAnyOrderElementsOf(
                PORTS.keySet().stream().map(s -> PREFIX + s).toList());
        for (String name : PORTS.keySet()) {
            Map<String, Object> pdb = production.get("PodDisruptionBudget", PREFIX + name);
            assertThat((Object) at(pdb, "spec", "maxUnavailable")).isEqualTo(1);
            assertThat((Map<String, Object>) at(pdb, "spec", "selector", "matchLabels")).isEqualTo(
                    at(production.get("Deployment", PREFIX + name), "spec", "selector", "matchLabels"));
        }
        RenderedChart fixed = RenderedChart.render("services.supervision.replicas", "3");
        assertThat(fixed.names("PodDisruptionBudget")).contains(PREFIX + "supervision");
        assertThat(RenderedChart.render("podDisruptionBudget.enabled", "false").kind("PodDisruptionBudget")).isEmpty();
    }

    @Test
    void onlyTheGatewayTakesTrafficFromOutsideTheRelease() {
        assertThat(defaults.names("NetworkPolicy")).hasSize(9);
        Map<String, String> gatewayPods = Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/instance", "test");
        Map<String, Object> gateway = defaults.get("NetworkPolicy", PREFIX + "gateway");
        List<Map<String, Object>> gatewayRules = at(gateway, "spec", "ingress");
        assertThat(gatewayRules).singleElement().satisfies(r -> assertThat(r).doesNotContainKey("from"));
        for (String name : PORTS.keySet()) {
            Map<String, Object> policy = defaults.get("NetworkPolicy", PREFIX + name);
            assertThat((Map<String, Object>) at(policy, "spec", "podSelector", "matchLabels"))
                    .isEqualTo(at(defaults.get("Deployment", PREFIX + name), "spec", "selector", "matchLabels"));
            assertThat((List<String>) at(policy, "spec", "policyTypes")).as("egress open by default").containsExactly("Ingress");
            if (name.equals("gateway")) {
                continue;
            }
            List<Map<String, Object>> rules = at(policy, "spec", "ingress");
            assertThat(rules).singleElement().satisfies(rule -> {
                List<Map<String, Object>> from = at(rule, "from");
                assertThat(from).hasSize(3);
                assertThat((Map<String, Object>) at(from.get(0), "podSelector", "matchLabels")).isEqualTo(gatewayPods);
                assertThat((Map<String, Object>) at(from.get(1), "podSelector", "matchLabels"))
                        .containsEntry("app.kubernetes.io/component", "helm-test");
                assertThat((Map<String, Object>) at(from.get(2), "namespaceSelector", "matchLabels"))
                        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
                assertThat(from).allSatisfy(peer -> assertThat(peer).doesNotContainKey("ipBlock"));
            });
        }
        RenderedChart production = RenderedChart.render(RenderedChart.PRODUCTION_VALUES);
        Map<String, Object> closed = production.get("NetworkPolicy", PREFIX + "reform");
        assertThat((List<String>) at(closed, "spec", "policyTypes")).containsExactly("Ingress", "Egress");
        assertThat((List<Object>) at(closed, "spec", "egress")).hasSize(3);
        List<Map<String, Object>> edge = at(production.get("NetworkPolicy", PREFIX + "gateway"), "spec", "ingress");
        assertThat((List<Object>) at(edge.get(0), "from")).hasSize(1);
        assertThat(RenderedChart.render("networkPolicy.enabled", "false").kind("NetworkPolicy")).isEmpty();
    }

    @Test
    void supervisionScalesOnItsConsumerLagThroughAnExternalMetric() {
        RenderedChart production = RenderedChart.render(RenderedChart.PRODUCTION_VALUES);
        Map<String, Object> hpa = production.get("HorizontalPodAutoscaler", PREFIX + "supervision");
        List<Map<String, Object>> metrics = at(hpa, "spec", "metrics");
        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("type", "External");
            assertThat((Object) at(m, "external", "metric", "name")).isEqualTo("kafka_consumergroup_lag");
            assertThat((Map<String, Object>) at(m, "external", "metric", "selector", "matchLabels"))
                    .isEqualTo(Map.of("consumergroup", "supervision"));
            assertThat((Object) at(m, "external", "target", "type")).isEqualTo("AverageValue");
            assertThat((Object) at(m, "external", "target", "averageValue")).isEqualTo("500");
        });
        for (String sector : SECTORS) {
            List<Map<String, Object>> cpu = at(production.get("HorizontalPodAutoscaler", PREFIX + sector), "spec", "metrics");
            assertThat(cpu).singleElement().satisfies(m -> {
                assertThat((Object) at(m, "resource", "name")).isEqualTo("cpu");
                assertThat((Object) at(m, "resource", "target", "averageUtilization")).isEqualTo(70);
            });
        }
        assertThat((Object) at(production.get("Deployment", PREFIX + "supervision"), "spec", "replicas")).isNull();
    }

    @Test
    void helmTestAsksEveryServiceForReadinessThroughItsService() throws Exception {
        String template = Files.readString(RenderedChart.CHART.resolve("templates/tests/ready.yaml"));
        assertThat(template).contains("helm.sh/hook: test");
        RenderedChart tests = RenderedChart.renderTests(RenderedChart.DEFAULT_VALUES);
        assertThat(tests.kind("Pod")).hasSize(9);
        PORTS.forEach((name, port) -> {
            Map<String, Object> pod = tests.get("Pod", PREFIX + name + "-test-ready");
            List<Map<String, Object>> containers = at(pod, "spec", "containers");
            List<String> args = at(containers.get(0), "args");
            assertThat(args).last().isEqualTo("http://" + PREFIX + name + ":" + port + "/q/health/ready");
            assertThat(args).contains("--fail-with-body");
            defaults.get("Service", PREFIX + name);
            assertThat((Object) at(pod, "spec", "restartPolicy")).isEqualTo("Never");
            assertThat((Map<String, Object>) at(pod, "metadata", "labels"))
                    .containsEntry("app.kubernetes.io/component", "helm-test")
                    .doesNotContainEntry("app.kubernetes.io/name", name);
        });
    }

    @Test
    void everyResourceCarriesTheStandardLabels() {
        RenderedChart production = RenderedChart.render(RenderedChart.PRODUCTION_VALUES);
        assertThat(production.documents).hasSizeGreaterThan(60).allSatisfy(d -> {
            Map<String, Object> labels = at(d, "metadata", "labels");
            assertThat(labels).as("%s %s", d.get("kind"), at(d, "metadata", "name"))
                    .containsEntry("helm.sh/chart", "duban-0.1.0")
                    .containsEntry("app.kubernetes.io/instance", "test")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "duban")
                    .containsEntry("app.kubernetes.io/version", "0.1.0-SNAPSHOT");
        });
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(production.kind(kind)).filteredOn(d -> !((String) at(d, "metadata", "name")).endsWith("-dashboard"))
                    .allSatisfy(d -> assertThat((Map<String, Object>) at(d, "metadata", "labels"))
                            .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component"));
        }
        assertThat((Map<String, Object>) at(production.get("Deployment", PREFIX + "urban-construction"), "metadata", "labels"))
                .containsEntry("app.kubernetes.io/component", "sector");
    }

    @Test
    void theChartNamesTheKubernetesItRunsOn() throws Exception {
        Map<String, Object> chart = RenderedChart.load(RenderedChart.CHART.resolve("Chart.yaml"));
        assertThat(chart).containsEntry("kubeVersion", ">=1.30.0-0");
        assertThatThrownBy(() -> RenderedChart.template(RenderedChart.DEFAULT_VALUES, "v1.29.9"))
                .hasMessageContaining("kubeVersion");
    }

    @Test
    void theSchemaRejectsATypoAndAWrongType() {
        assertThatThrownBy(() -> RenderedChart.render("ingres.host", "x.test")).hasMessageContaining("ingres");
        assertThatThrownBy(() -> RenderedChart.render("kafka.securityProtocl", "SSL")).hasMessageContaining("securityProtocl");
        assertThatThrownBy(() -> RenderedChart.render("services.reform.replicas", "two")).hasMessageContaining("replicas");
        assertThatThrownBy(() -> RenderedChart.render("kafka.securityProtocol", "SASL")).hasMessageContaining("securityProtocol");
        assertThatThrownBy(() -> RenderedChart.render("ingress.enabled", "yes please")).hasMessageContaining("enabled");
    }

    @Test
    void noSecretValueInTheDefaults() {
        assertThat(defaults.kind("Secret")).isEmpty();
        assertThat(defaults.kind("ConfigMap")).allSatisfy(c -> assertThat(
                ((Map<String, Object>) at(c, "data")).keySet()).noneMatch(k -> k.contains("PASSWORD") || k.contains("JAAS")));
    }
}
