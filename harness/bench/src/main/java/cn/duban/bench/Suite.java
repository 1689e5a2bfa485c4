package cn.duban.bench;

import cn.duban.testsupport.ServicePorts;
import java.io.IOException;
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
    /** The JVM options of every service, from the one file `make run` reads them from too. */
    static final List<String> JVM_FLAGS = ServiceJvm.options();
    /**
     * Connections per service: seven services with Agroal's default of 20 would ask PostgreSQL's default
     * max_connections (100) for 140, and the server is shared with the tests.
     */
    static final int POOL_SIZE = 8;
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE_LINE = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");

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

        /**
         * Heap and metaspace as the JVM reports them (jcmd GC.heap_info): what of the RSS is Java objects and what is
         * class metadata, e.g. "heap 21 of 48 MiB, metaspace 79 of 80 MiB (used of committed)".
         */
        String heapInfo() {
            try {
                Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.heap_info")
                        .redirectErrorStream(true).start();
                String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                long heapTotal = 0;
                long heapUsed = 0;
                String metaspace = "?";
                for (String line : out.split("\n")) {
                    Matcher sizes = HEAP_LINE.matcher(line);
                    if (line.contains("generation") && sizes.find()) {
                        heapTotal += Long.parseLong(sizes.group(1));
                        heapUsed += Long.parseLong(sizes.group(2));
                    }
                    Matcher meta = METASPACE_LINE.matcher(line);
                    if (meta.find()) {
                        metaspace = Long.parseLong(meta.group(1)) / 1024 + " of " + Long.parseLong(meta.group(2)) / 1024;
                    }
                }
                return String.format("heap %d of %d MiB, metaspace %s MiB (used of committed)", heapUsed / 1024,
                        heapTotal / 1024, metaspace);
            } catch (IOException e) {
                return "—";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "—";
            }
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
    private final Map<String, Started> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    Suite(BenchEnv env, Api api) {
        this.env = env;
        this.api = api;
    }

    /**
     * As `make run` starts them: supervision first (its ledger must be on duban.tasks.v1 when the sector services
     * read it), then the six sector services at once. Returns the seconds until all seven were ready.
     */
    double startAll() {
        long t0 = System.nanoTime();
        start(SERVICES.get(0));
        List<Thread> starting = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            Thread thread = new Thread(() -> {
                try {
                    start(service);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "start-" + service);
            thread.start();
            starting.add(thread);
        }
        for (Thread thread : starting) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        // Keep the table in the order of SERVICES, whichever finished first.
        Map<String, Started> ordered = new LinkedHashMap<>();
        SERVICES.forEach(name -> ordered.put(name, running.get(name)));
        running.clear();
        running.putAll(ordered);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** supervision, "sector services", or null for a process that is none of the suite's. */
    String groupOf(long pid) {
        for (Started s : running.values()) {
            if (s.process().pid() == pid) {
                return s.name().equals("supervision") ? "supervision" : "sector services";
            }
        }
        return null;
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
        return ServicePorts.free();
    }
}
