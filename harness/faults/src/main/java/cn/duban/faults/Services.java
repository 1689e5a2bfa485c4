package cn.duban.faults;

import cn.duban.testsupport.ServicePorts;
import cn.duban.testsupport.LocalInfra;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The eight packaged services (target/quarkus-app) as processes, each on a port it keeps across restarts, on this
 * run's broker, databases and Keycloak. Databases are wiped at the first start only: a restart finds what it left.
 * With replicas (issue 21), {@code supervision@2}, {@code agriculture@2} … run the same service beside the first: the
 * same database, broker login and consumer groups, a port and log of their own.
 */
final class Services {
    static final List<String> ALL = List.of("supervision", "agriculture", "industry", "culture-tourism",
            "urban-construction", "reform", "livelihood", "notifier");
    static final List<String> SECTORS = List.of("agriculture", "industry", "culture-tourism", "urban-construction",
            "reform", "livelihood");
    // Generous: on a shared 2-core machine under load a restart was measured at 254 s (docs/benchmarks.md).
    static final Duration READY_WITHIN = Duration.ofMinutes(8);

    private final Path root;
    private final Path logs;
    private final String issuer;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** The extra replicas, e.g. supervision@2, started after their service's first. */
    private final List<String> replicas = new ArrayList<>();

    Services(Path root, Path logs, String issuer) {
        this(root, logs, issuer, 1, 1);
    }

    /** With {@code supervisionReplicas} of supervision and {@code agricultureReplicas} of agriculture. */
    Services(Path root, Path logs, String issuer, int supervisionReplicas, int agricultureReplicas) {
        this.root = root;
        this.logs = logs;
        this.issuer = issuer;
        ALL.forEach(s -> ports.put(s, freePort()));
        for (int n = 2; n <= supervisionReplicas; n++) {
            replicas.add("supervision@" + n);
        }
        for (int n = 2; n <= agricultureReplicas; n++) {
            replicas.add("agriculture@" + n);
        }
        replicas.forEach(r -> ports.put(r, freePort()));
    }

    /** Every process of the run: the eight services and their extra replicas. */
    List<String> names() {
        List<String> names = new ArrayList<>(ALL);
        names.addAll(replicas);
        return names;
    }

    List<String> replicas() {
        return List.copyOf(replicas);
    }

    /** The service a process runs: supervision for supervision@2. */
    static String serviceOf(String name) {
        return name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    Path log(String service) {
        return logs.resolve(service + ".log");
    }

    /** Supervision first (it owns the ledger and announces the tasks), then the six sector services and the notifier. */
    void startAll() {
        // A service's log spans its restarts within this run, and only this run.
        names().forEach(s -> {
            try {
                Files.deleteIfExists(log(s));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        start("supervision", true);
        awaitReady("supervision", READY_WITHIN);
        SECTORS.forEach(s -> start(s, true));
        start("notifier", true);
        SECTORS.forEach(s -> awaitReady(s, READY_WITHIN));
        awaitReady("notifier", READY_WITHIN);
        // after their first, which made their database: a replica never wipes it
        replicas.forEach(r -> start(r, false));
        replicas.forEach(r -> awaitReady(r, READY_WITHIN));
    }

    synchronized void start(String name, boolean freshDatabase) {
        String service = serviceOf(name);
        Path jar = root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=demo",
                "-Dquarkus.http.port=" + ports.get(name),
                "-Dquarkus.http.host=127.0.0.1", // loopback only, as under make run (docs/security.md)
                "-Dkafka.bootstrap.servers=" + LocalInfra.kafkaBootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + LocalInfra.jdbcUrl(service),
                "-Dquarkus.datasource.username=" + LocalInfra.dbUser(),
                "-Dquarkus.oidc.auth-server-url=" + issuer));
        if (service.equals("notifier")) {
            // No demo mailbox or default routes here: the run sets its own webhook and routes (NotifierBurst).
            command.addAll(List.of("-Dduban.notifier.receivers=", "-D%demo.duban.notifier.receivers=",
                    "-Dduban.notifier.default-routes=", "-D%demo.duban.notifier.default-routes="));
        }
        if (freshDatabase) {
            command.addAll(List.of("-Dquarkus.flyway.clean-at-start=true", "-Dquarkus.flyway.clean-disabled=false"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("DUBAN_KAFKA_PASSWORD", LocalInfra.kafkaPassword(service)); // its own broker login
            processes.put(name, builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile())).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** SIGKILL, as a crash or an OOM killer would end it. */
    void kill(String service) {
        Process p = processes.get(service);
        p.destroyForcibly();
        waitFor(p, Duration.ofSeconds(30));
    }

    /** SIGTERM: the graceful shutdown an orchestrator asks for. */
    void stop(String service) {
        Process p = processes.get(service);
        p.destroy();
        if (!waitFor(p, Duration.ofSeconds(60))) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
        }
    }

    void stopAll() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(p -> {
            if (!waitFor(p, Duration.ofSeconds(45))) {
                p.destroyForcibly();
            }
        });
    }

    boolean alive(String service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    void awaitReady(String service, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (health(service, "ready") != 200) {
            if (!alive(service) || System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " did not become ready; see " + log(service));
            }
            Pause.of(Duration.ofMillis(250));
        }
    }

    /** The HTTP status of /q/health/{check}, or 0 when the service does not answer. */
    int health(String service, String check) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url(service) + "/q/health/" + check).toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean waitFor(Process p, Duration within) {
        try {
            return p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        return ServicePorts.free();
    }
}
