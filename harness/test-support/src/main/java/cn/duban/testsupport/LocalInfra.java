package cn.duban.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test instance of Duban's local infrastructure (deploy/local/infra.sh with DUBAN_INSTANCE=test): a real
 * Kafka broker on 127.0.0.1:19092, real PostgreSQL databases named {@code duban_<service>_test} and, for
 * end-to-end tests, a real Keycloak on 127.0.0.1:18180. Started on
 * first use and left running for the next test module; {@code make test} stops it at the end.
 */
public final class LocalInfra {
    private static Map<String, String> env;
    private static boolean keycloakStarted;

    private LocalInfra() {
    }

    /** Starts what is not running yet and returns its addresses (KAFKA_BOOTSTRAP_SERVERS, DUBAN_DB_URL_PREFIX …). */
    public static synchronized Map<String, String> ensureStarted() {
        if (env == null) {
            run("start", "postgres");
            run("start", "kafka");
            env = parse(run("env"));
        }
        return env;
    }

    public static String kafkaBootstrapServers() {
        return ensureStarted().get("KAFKA_BOOTSTRAP_SERVERS");
    }

    /**
     * The password of a principal on the test broker: {@code admin} (the super user tests and tools use), or a service
     * by its name (supervision, notifier, agriculture, culture-tourism …), as a service logs in (docs/security.md).
     */
    public static String kafkaPassword(String principal) {
        return KafkaLogin.password(kafkaCredentials(), principal);
    }

    /** A Kafka client's address and login as {@code principal}; add serializers, group and so on. */
    public static Map<String, Object> kafkaClientConfig(String principal) {
        return KafkaLogin.clientConfig(kafkaBootstrapServers(), kafkaCredentials(), principal);
    }

    private static Path kafkaCredentials() {
        return Path.of(ensureStarted().get("DUBAN_KAFKA_CREDENTIALS"));
    }

    /** A Kafka client as the super user admin: tests that read any topic or inject records where they like. */
    public static Map<String, Object> kafkaClientConfig() {
        return kafkaClientConfig("admin");
    }

    /** The JDBC URL of a service's test database, e.g. {@code supervision} → .../duban_supervision_test. */
    public static String jdbcUrl(String service) {
        Map<String, String> e = ensureStarted();
        return e.get("DUBAN_DB_URL_PREFIX") + service.replace('-', '_') + e.get("DUBAN_DB_SUFFIX");
    }

    /**
     * The realm on the test Keycloak itself (realm duban on 127.0.0.1:18180), started on first use: where services
     * discover the realm (quarkus.oidc.auth-server-url) and tokens can be had directly; only end-to-end tests need
     * it. The issuer the tokens name is the realm seen through the gateway ({@link #gatewayUrl()}), whatever
     * address they were asked for at (docs/security.md).
     */
    public static synchronized String keycloakIssuer() {
        if (!keycloakStarted) {
            run("start", "keycloak");
            keycloakStarted = true;
        }
        return ensureStarted().get("DUBAN_OIDC_AUTH_SERVER_URL");
    }

    /** Keycloak's own address (no realm), where the gateway sends /realms/** and /resources/**. */
    public static String keycloakUrl() {
        return ensureStarted().get("DUBAN_KEYCLOAK_URL");
    }

    /**
     * The file holding the test Keycloak's admin password (user admin, master realm), made by deploy/local/infra.sh
     * on Keycloak's first start with mode 600; the admin API is reached only with what it holds.
     */
    public static Path keycloakAdminPasswordFile() {
        keycloakIssuer();
        return Path.of(ensureStarted().get("DUBAN_KEYCLOAK_ADMIN_PASSWORD_FILE"));
    }

    /** Where an end-to-end test must run the gateway: Keycloak's public hostname, so the tokens' issuer. */
    public static String gatewayUrl() {
        return ensureStarted().get("DUBAN_GATEWAY_URL");
    }

    public static String dbUser() {
        return ensureStarted().get("DUBAN_DB_USER");
    }

    /** The repository root, where deploy/ and services/ are. */
    public static Path root() {
        String configured = System.getProperty("duban.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/local/infra.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find deploy/local/infra.sh above " + start);
    }

    /**
     * The test broker as if it had lost its data (a new cluster, as after {@code make clean} or a restore): stopped,
     * its data folder deleted, started again with the topics created afresh on the same port.
     */
    public static synchronized void restartKafkaAfresh() {
        ensureStarted();
        run("stop", "kafka");
        Path data = root().resolve(".duban").resolve(System.getenv().getOrDefault("DUBAN_STATE_NAME", "test"))
                .resolve("kafka");
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + data, e);
        }
        run("start", "kafka");
    }

    /** A service's test database dropped and created empty again, as a new replica or a blank restore finds it. */
    public static void recreateDatabase(String service) {
        String url = jdbcUrl(service);
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, dbUser(), "");
             java.sql.Statement statement = c.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot recreate " + name, e);
        }
    }

    private static String run(String... command) {
        List<String> argv = new java.util.ArrayList<>(List.of("bash", root().resolve("deploy/local/infra.sh").toString()));
        argv.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("DUBAN_INSTANCE", "test");
        try {
            Process process = builder.start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.append(line).append('\n');
                    if (!command[0].equals("env")) {
                        System.out.println(line);
                    }
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/infra.sh " + String.join(" ", command) + " failed:\n" + out);
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/local/infra.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new HashMap<>();
        output.lines().filter(l -> l.contains("=")).forEach(l -> {
            int i = l.indexOf('=');
            values.put(l.substring(0, i), l.substring(i + 1));
        });
        return values;
    }
}
