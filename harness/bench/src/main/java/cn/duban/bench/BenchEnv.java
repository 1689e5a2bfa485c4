package cn.duban.bench;

import cn.duban.testsupport.KafkaLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the bench instance of the local infrastructure is (deploy/local/infra.sh env with DUBAN_INSTANCE=bench),
 * and how big the run is. DUBAN_BENCH_SCALE shrinks every count for a quick try of the harness itself;
 * DUBAN_BENCH_LEDGER sets the generated ledger's size (100,000 tasks unless told); DUBAN_BENCH_MILLION the size the
 * ledger grows to for the million-task aim at the end of the run (1,000,000 unless told; 0 leaves that phase out).
 */
record BenchEnv(Path root, String kafka, Path kafkaCredentials, String dbUrlPrefix, String dbSuffix, String dbUser,
        double scale, int ledger, int million) {

    static BenchEnv fromEnvironment() {
        Path root = Path.of(System.getProperty("duban.root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("deploy/local/infra.sh"))) {
            throw new IllegalStateException("run from the repository root (deploy/local/bench.sh does)");
        }
        return new BenchEnv(root, required("KAFKA_BOOTSTRAP_SERVERS"), Path.of(required("DUBAN_KAFKA_CREDENTIALS")),
                required("DUBAN_DB_URL_PREFIX"),
                Objects.requireNonNullElse(System.getenv("DUBAN_DB_SUFFIX"), ""), required("DUBAN_DB_USER"),
                Double.parseDouble(Objects.requireNonNullElse(System.getenv("DUBAN_BENCH_SCALE"), "1")),
                Integer.parseInt(Objects.requireNonNullElse(System.getenv("DUBAN_BENCH_LEDGER"), "100000")),
                Integer.parseInt(Objects.requireNonNullElse(System.getenv("DUBAN_BENCH_MILLION"), "1000000")));
    }

    /** A service's password on the bench broker (it logs in as itself). */
    String kafkaPassword(String service) {
        return KafkaLogin.password(kafkaCredentials, service);
    }

    /** A Kafka client of the bench broker, logged in as the super user: the bench reads and writes any topic. */
    Map<String, Object> kafkaClient() {
        return KafkaLogin.clientConfig(kafka, kafkaCredentials, "admin");
    }

    /** The JDBC URL of a service's bench database, e.g. culture-tourism → .../duban_culture_tourism_bench. */
    String jdbcUrl(String service) {
        return dbUrlPrefix + service.replace('-', '_') + dbSuffix;
    }

    /** A count of the full run, scaled down for a quick try (never below {@code floor}). */
    int count(int full, int floor) {
        return Math.max(floor, (int) Math.round(full * scale));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run through deploy/local/bench.sh (make bench)");
        }
        return value;
    }

    /** The commit measured, as `git describe` names it (with -dirty when the tree has changes). */
    String commit() {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** How long deploy/local/infra.sh took to start Kafka and Keycloak (bench.sh measures it), in seconds. */
    double infraSeconds() {
        String value = System.getenv("DUBAN_BENCH_INFRA_SECONDS");
        return value == null || value.isBlank() ? Double.NaN : Double.parseDouble(value);
    }

    Path work() {
        return root.resolve(".duban/bench");
    }
}
