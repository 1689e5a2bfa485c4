package cn.duban.e2e;

import cn.duban.testsupport.ServicePorts;
import cn.duban.testsupport.LocalInfra;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services (target/quarkus-app) running as separate JVM processes, each on a free port and
 * its own fresh test database, on the real test broker, trusting the real test Keycloak — as `make run` runs
 * them, started once per test run.
 */
final class RunningSuite {
    /** The one origin, on the port Keycloak names as its public hostname (LocalInfra.gatewayUrl()). */
    static final String GATEWAY = "gateway";
    static final List<String> SERVICES = List.of("supervision", "agriculture", "industry", "culture-tourism",
            "urban-construction", "reform", "livelihood", GATEWAY);
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);
    /** Every service listens here only (Quarkus' production default is every interface). */
    static final String LOOPBACK = "127.0.0.1";
    /**
     * Supervision serves the office's web page, and Keycloak sends the browser back only to the redirect URIs the
     * realm names (it does not wildcard ports), so supervision takes the port next to the gateway's, which
     * deploy/local/infra.sh writes into the realm it imports; the others take free ones.
     */
    static final int WEB_PORT = URI.create(LocalInfra.gatewayUrl()).getPort() + 1;
    private static RunningSuite instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Where every service sends its trace spans (OTLP/HTTP), as it would to a collector in production. */
    final SpanCollector spans = SpanCollector.start();

    static synchronized RunningSuite get() {
        if (instance == null) {
            instance = new RunningSuite();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Each service's HTTP port. */
    Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    /** The process id of each running service. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((service, process) -> pids.put(service, process.pid()));
        return pids;
    }

    private void start() {
        List<String> started = new ArrayList<>();
        for (String service : SERVICES) {
            int port = service.equals(GATEWAY) ? URI.create(LocalInfra.gatewayUrl()).getPort()
                    : service.equals("supervision") ? fixedPort(WEB_PORT) : freePort();
            ports.put(service, port);
            try {
                launch(service, true);
                started.add(service);
                if (service.equals("supervision")) {
                    awaitReady(service, System.nanoTime() + READY_WITHIN.toNanos()); // the ledger first, then its readers
                }
            } catch (IOException e) {
                stop();
                throw new IllegalStateException("cannot start " + service, e);
            }
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        for (String service : SERVICES) {
            awaitReady(service, deadline);
        }
    }

    /**
     * Starts another replica of {@code service}, named {@code service@n}: its own port, the same database, broker login
     * and consumer group as the first. Returns its name, for {@link #url} and {@link #killReplica}.
     */
    String startReplica(String service, int n) throws IOException {
        String name = service + "@" + n;
        ports.put(name, freePort());
        launch(name, false);
        awaitReady(name, System.nanoTime() + READY_WITHIN.toNanos());
        return name;
    }

    /** Stops a replica as an orchestrator would (SIGTERM, leaving its consumer groups at once) and forgets it. */
    void stopReplica(String name) throws InterruptedException {
        Process process = processes.remove(name);
        ports.remove(name);
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Ends a replica as a crash would (SIGKILL) and forgets it: the suite goes on without it. */
    void killReplica(String name) throws InterruptedException {
        kill(name);
        processes.remove(name);
        ports.remove(name);
    }

    private void launch(String name, boolean first) throws IOException {
        String service = name.contains("@") ? name.substring(0, name.indexOf('@')) : name; // a replica runs its service
        Path root = LocalInfra.root();
        Path jar = root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        Path log = root.resolve("harness/e2e/target/" + name + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=demo",
                "-Dquarkus.http.port=" + ports.get(name),
                "-Dquarkus.http.host=" + LOOPBACK, // as under make run; ExposureAttackTest checks it
                // The test Keycloak: discovered on Keycloak itself; tokens name the gateway's URL as issuer.
                "-Dquarkus.oidc.auth-server-url=" + LocalInfra.keycloakIssuer(),
                // Spans go to the test's collector (OTLP/HTTP), as they would to one in production.
                "-Dquarkus.otel.exporter.otlp.endpoint=" + spans.endpoint(),
                "-Dquarkus.otel.exporter.otlp.protocol=http/protobuf",
                "-Dquarkus.otel.bsp.schedule.delay=200ms",
                // a replica's JSON log beside its console log, not in its first's file
                "-DDUBAN_LOG_DIR=" + (name.equals(service) ? log.getParent() : log.getParent().resolve(name))));
        if (service.equals(GATEWAY)) {
            SERVICES.stream().filter(s -> !s.equals(GATEWAY))
                    .forEach(s -> command.add("-Dduban.gateway.services." + s + "=" + url(s)));
            command.add("-Dduban.gateway.keycloak=" + LocalInfra.keycloakUrl());
            // The page and Keycloak's login form post from the gateway's own origin, as at 8080 under make run.
            command.add("-Dquarkus.http.cors.origins=" + LocalInfra.gatewayUrl());
        } else {
            command.addAll(List.of(
                    "-Dkafka.bootstrap.servers=" + LocalInfra.kafkaBootstrapServers(),
                    // the web page signs in through the gateway, the one origin (as with make run)
                    "-Dduban.web.keycloak-url=" + LocalInfra.gatewayUrl() + "/realms/duban",
                    "-Dquarkus.datasource.jdbc.url=" + LocalInfra.jdbcUrl(service),
                    "-Dquarkus.datasource.username=" + LocalInfra.dbUser(),
                    "-Dquarkus.flyway.clean-at-start=" + first, // a restart keeps its data
                    "-Dquarkus.flyway.clean-disabled=false",
                    // notice a new Kafka cluster soon (SourceOfTruthTest); production checks every minute
                    "-Dduban.tasks-topic.check-every=3s"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!service.equals(GATEWAY)) {
            // the service's own broker login, in its environment as in production (not on the command line)
            builder.environment().put("DUBAN_KAFKA_PASSWORD", LocalInfra.kafkaPassword(service));
        }
        processes.put(name, builder.redirectErrorStream(true)
                .redirectOutput(first ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start());
    }

    /** Starts a service {@link #kill}ed before again, on its port and with its data, and waits until it is ready. */
    void restart(String service) throws IOException {
        launch(service, false);
        awaitReady(service, System.nanoTime() + READY_WITHIN.toNanos());
    }

    private void awaitReady(String service, long deadline) {
        while (!ready(service)) {
            if (!processes.get(service).isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(service + " did not become ready; see harness/e2e/target/"
                        + service + ".log");
            }
            sleepBriefly();
        }
    }

    boolean ready(String service) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url(service) + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends one service as a crash would (SIGKILL), for tests of what survives it. */
    void kill(String service) throws InterruptedException {
        processes.get(service).destroyForcibly().waitFor();
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        spans.close(); // after the services, which export their last spans as they stop
    }

    private static int freePort() {
        return ServicePorts.free();
    }

    private static int fixedPort(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is taken; the web page's end-to-end test needs it for "
                    + "supervision (the realm's duban-web redirect URI). Stop what uses it, or another e2e run.", e);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250); // polling a child process's readiness, not a test waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
