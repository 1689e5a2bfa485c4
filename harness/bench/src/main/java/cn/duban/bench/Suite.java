package cn.duban.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged services as `make run` runs them (same JVM flags, demo profile with the Pingyao ledger), each on a
 * free port and its own fresh bench database. Started one after another, so each start time is that service's
 * alone; supervision first, so its ledger is on duban.tasks.v1 when the sector services read it.
 */
final class Suite implements AutoCloseable {
    static final List<String> SERVICES = List.of("supervision", "agriculture", "industry", "culture-tourism",
            "urban-construction", "reform", "livelihood");
    static final List<String> JVM_FLAGS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * Connections per service: seven services with Agroal's default of 20 would ask PostgreSQL's default
     * max_connections (100) for 140, and the server is shared with the tests.
     */
    static final int POOL_SIZE = 8;
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    record Started(String name, int port, Process process, long readyMillis, Path log) {
        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Resident memory of the service's JVM, from /proc (Linux). */
        long rssMiB() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }

        /** Quarkus's own "started in" of its log, in seconds. */
        String startedIn() {
            try {
                Matcher m = STARTED_IN.matcher(Files.readString(log));
                return m.find() ? m.group(1) : "—";
            } catch (IOException e) {
                return "—";
            }
        }
    }

    private final BenchEnv env;
    private final Api api;
    private final Map<String, Started> running = new LinkedHashMap<>();

    Suite(BenchEnv env, Api api) {
        this.env = env;
        this.api = api;
    }

    void startAll() {
        for (String service : SERVICES) {
            start(service);
        }
    }

    Started get(String service) {
        return running.get(service);
    }

    List<Started> all() {
        return new ArrayList<>(running.values());
    }

    private void start(String service) {
        Path jar = env.root().resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (deploy/local/bench.sh does)");
        }
        int port = freePort();
        Path log = env.work().resolve("logs/" + service + ".log");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-Dquarkus.profile=demo", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + env.kafka(),
                "-Dquarkus.oidc.auth-server-url=" + System.getenv("DUBAN_OIDC_AUTH_SERVER_URL"),
                "-Dquarkus.datasource.jdbc.url=" + env.jdbcUrl(service),
                "-Dquarkus.datasource.username=" + env.dbUser(),
                "-Dquarkus.datasource.jdbc.max-size=" + POOL_SIZE,
                "-Dquarkus.flyway.clean-at-start=true", "-Dquarkus.flyway.clean-disabled=false",
                "-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            long t0 = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("DUBAN_KAFKA_PASSWORD", env.kafkaPassword(service)); // its own broker login
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitReady(service, process, port, log);
            running.put(service, new Started(service, port, process, (System.nanoTime() - t0) / 1_000_000, log));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service, Process process, int port, Path log) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!api.ok("http://127.0.0.1:" + port + "/q/health/ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(service + " did not become ready; see " + log);
            }
            Pause.briefly(50);
        }
    }

    @Override
    public void close() {
        running.values().forEach(s -> s.process().destroy());
        for (Started s : running.values()) {
            try {
                if (!s.process().waitFor(30, TimeUnit.SECONDS)) {
                    s.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
