package cn.duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import cn.duban.events.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * make bench: the suite's footprint, the machine's raw limits, ingest and latency through the department APIs and
 * straight onto the topic, and supervision with a province-sized ledger — one run, figures into docs/benchmarks.md.
 * Expects the bench instance of the local infrastructure (deploy/local/bench.sh starts it and passes its env).
 */
public final class Bench {
    private static final Duration IDLE = Duration.ofSeconds(30);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchEnv env = BenchEnv.fromEnvironment();
        Report report = new Report();
        Api api = new Api();
        long t0 = System.nanoTime();
        Path results = env.root().resolve("docs/bench/results.json");
        Optional<Results.Previous> previous = Results.previous(results);
        String machine = machine();
        report.line("## Measured by `make bench` — " + LocalDate.now() + ", commit " + env.commit());
        report.line("");
        report.line(machine);
        List<Aims.Aim> aims = List.of();
        // The figures measured so far are written even when a later phase fails.
        try (Suite suite = new Suite(env, api); Visibility visibility = new Visibility(env)) {
            report.figure("infra.ready", env.infraSeconds());
            report.figure("suite.ready", suite.startAll());
            Evidence evidence = new Evidence(report, suite, env.work().resolve("profiles"));
            footprint(suite, report, env);
            List<ProgressEvents.Ledgered> pingyao = pingyao(suite, api);
            new RawLimits(env, report).run(pingyao.get(0));
            Ingest ingest = new Ingest(env, report, api, visibility, evidence);
            ingest.throughDepartments(suite, pingyao);
            Scale scale = new Scale(env, report, api, evidence);
            List<ProgressEvents.Ledgered> ledger = scale.loadAndReevaluate(suite, env.count(env.ledger(), 2_000));
            scale.incremental(ingest, ledger);
            scale.queries(suite, ledger);
            ingest.ontoTopic(ledger, String.format("the %,d-task ledger", ledger.size()));
            if (env.million() > 0) {
                scale.million(suite, ledger, env.million());
            }
            ratios(report);
            report.heading("Memory after the run");
            report.table("service", "RSS (MiB)");
            suite.all().forEach(s -> report.row(s.name(), s.rssMiB()));
            aims = Aims.judge(report, ledger.size());
            Aims.write(report, aims, previous);
            pictures(report, env, machine);
        } catch (RuntimeException e) {
            report.line("");
            report.line("**The run stopped early:** " + e.getMessage());
            throw e;
        } finally {
            report.line("");
            report.line(String.format("The whole run took %.1f min.", (System.nanoTime() - t0) / 60e9));
            report.write(env.work(), env.root().resolve("docs/benchmarks.md"));
            if (!aims.isEmpty()) {
                Results.write(results, Map.of("date", LocalDate.now().toString(), "commit", env.commit(),
                        "machine", machine, "ledger", String.valueOf(env.count(env.ledger(), 2_000))), report, aims);
            }
        }
    }

    /** The plots of this run, drawn into docs/bench and shown in the report. */
    private static void pictures(Report report, BenchEnv env, String machine) throws IOException {
        report.heading("Pictures of this run");
        String subtitle = LocalDate.now() + ", commit " + env.commit() + ", "
                + machine.substring(machine.indexOf("cores (") + 7, machine.indexOf("), ")); // the CPU's name may hold "(R)"
        for (String file : Charts.draw(report, env.root().resolve("docs/bench"), subtitle)) {
            report.line("![" + file + "](bench/" + file + ")");
            report.line("");
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
        return String.format("Machine: %d cores (%s), %.0f GiB; Java %s; services as `java %s -jar quarkus-run.jar`"
                + " (as `make run`), %d database connections each. Command: `make bench`.",
                Runtime.getRuntime().availableProcessors(), cpu, Long.parseLong(memory) / 1024.0 / 1024.0,
                System.getProperty("java.version"), String.join(" ", Suite.JVM_FLAGS), Suite.POOL_SIZE);
    }

    private static void footprint(Suite suite, Report report, BenchEnv env) {
        report.heading("Footprint: start and memory");
        report.line("Started as `make run` starts them, each on a fresh bench database: supervision first (it imports and "
                + "evaluates the 178-task Pingyao ledger), then the six sector services at once; RSS read after "
                + IDLE.toSeconds() + " s idle. Kafka and Keycloak (deploy/local/infra.sh start) took "
                + String.format("%.1f s before.", report.figure("infra.ready")));
        report.line("");
        Pause.briefly(IDLE.toMillis());
        report.table("service", "JVM start → ready (ms)", "Quarkus \"started in\" (s)", "RSS idle (MiB)", "heap and metaspace (jcmd GC.heap_info)");
        long totalRss = 0;
        for (Suite.Started s : suite.all()) {
            long rss = s.rssMiB();
            report.row(s.name(), s.readyMillis(), s.startedIn(), rss, s.heapInfo());
            totalRss += rss;
            report.figure("rss." + s.name(), rss);
        }
        report.row(String.format("**whole suite** (7 services; all ready %.1f s after the first started)",
                report.figure("suite.ready")), "—", "—", totalRss, "");
        report.evidence("footprint", String.format("JVM flags %s; supervision: %s.", String.join(" ", Suite.JVM_FLAGS),
                suite.get("supervision").heapInfo()));
    }

    /** The Pingyao tasks as supervision lists them, once every sector service has received its share. */
    private static List<ProgressEvents.Ledgered> pingyao(Suite suite, Api api) throws IOException {
        JsonNode items = EventCodec.json().readTree(api.get(suite.get("supervision").url()
                + "/api/supervision/tasks?size=200", Duration.ofSeconds(30)).body()).get("items");
        List<ProgressEvents.Ledgered> tasks = new ArrayList<>();
        items.forEach(t -> tasks.add(new ProgressEvents.Ledgered(t.get("id").asText(), t.get("sector").asText(),
                t.get("leadUnit").asText())));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (String sector : Suite.SERVICES.subList(1, Suite.SERVICES.size())) {
            long expected = tasks.stream().filter(t -> t.sector().equals(sector)).count();
            while (assigned(suite, api, sector) < expected && System.nanoTime() < deadline) {
                Pause.briefly(250);
            }
        }
        return tasks;
    }

    private static long assigned(Suite suite, Api api, String sector) throws IOException {
        Api.Reply reply = api.get(suite.get(sector).url() + "/api/" + sector + "/tasks", Duration.ofSeconds(30));
        return reply.status() == 200 ? EventCodec.json().readTree(reply.body()).get("total").asLong() : 0;
    }

    private static void ratios(Report report) {
        double kafka = Math.min(report.figure("kafka.produce"), report.figure("kafka.consume"));
        double postgres = report.figure("pg.batched");
        double slower = Math.min(kafka, postgres);
        report.heading("Supervision against the machine's limits");
        report.table("supervision's sustained ingest", "events/s", "÷ slower raw limit (" + Report.rate(slower) + "/s)",
                "÷ Kafka", "÷ PostgreSQL batched");
        for (String path : List.of("topic.saturation", "api.saturation")) {
            double rate = report.figure(path + ".ingest");
            report.row(path.startsWith("topic") ? "straight onto the topic, burst" : "through the department APIs, saturated",
                    Report.rate(rate), String.format("%.3f", rate / slower), String.format("%.3f", rate / kafka),
                    String.format("%.3f", rate / postgres));
        }
    }
}
