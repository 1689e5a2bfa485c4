package cn.duban.bench;

import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.progress.ProgressReported;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Progress reports into supervision, two ways: through the six department APIs (POST …/progress, as units
 * report), and straight onto the six progress topics (as the sector services' outbox relays publish), each at fixed
 * offered rates and at saturation; supervision's sustained ingest and the end-to-end latency of each.
 */
final class Ingest {
    private static final Duration DRAIN_WITHIN = Duration.ofMinutes(3);

    private final BenchEnv env;
    private final Report report;
    private final Api api;
    private final Visibility visibility;
    private final Evidence evidence;

    Ingest(BenchEnv env, Report report, Api api, Visibility visibility, Evidence evidence) {
        this.env = env;
        this.report = report;
        this.api = api;
        this.visibility = visibility;
        this.evidence = evidence;
    }

    /** Offered rates through the department APIs, all six together; saturation follows. */
    static final int[] DEPARTMENT_RATES = {50, 100, 200, 400};
    /** Offered rates straight onto the progress topics; a burst follows. */
    static final int[] TOPIC_RATES = {100, 500, 1000, 2000};

    void throughDepartments(Suite suite, List<ProgressEvents.Ledgered> tasks) {
        report.heading("Ingest through the department APIs (POST /api/{sector}/tasks/{id}/progress → supervision)");
        report.line(String.format("Reports round-robin over the %d tasks of the Pingyao ledger, each to its own sector's "
                + "service; \"answer\" is the POST's own latency (request → 202), \"visible\" the time from the 202 to "
                + "the report being stored and evaluated at supervision.", tasks.size()));
        report.line("");
        int seconds = env.count(20, 3);
        warmUp(() -> new OfferedLoad().atRate(50, Duration.ofSeconds(seconds), 16,
                seq -> post(suite, tasks.get(seq % tasks.size()), seq, new OfferedLoad())));
        header(true);
        for (int rate : DEPARTMENT_RATES) {
            evidence.measure("api." + rate, () -> {
                OfferedLoad load = new OfferedLoad();
                long t0 = System.nanoTime();
                load.atRate(rate, Duration.ofSeconds(seconds), 64, seq -> post(suite, tasks.get(seq % tasks.size()), seq, load));
                row("department APIs", rate, rate + "/s for " + seconds + " s", load, t0, "api." + rate);
            });
        }
        // One sector service recorded: the six run the same kit.
        evidence.measure("api.saturation", "agriculture", () -> {
            OfferedLoad load = new OfferedLoad();
            long t0 = System.nanoTime();
            load.saturate(32, Duration.ofSeconds(seconds), seq -> post(suite, tasks.get(seq % tasks.size()), seq, load));
            row("department APIs", Double.NaN, "saturation: 32 clients for " + seconds + " s", load, t0, "api.saturation");
        });
    }

    void ontoTopic(List<ProgressEvents.Ledgered> tasks, String ledger) {
        report.heading("Ingest straight onto the progress topics (" + ledger + ")");
        report.line("ProgressReported events encoded by EventCodec (CloudEvents binary mode) as the sector services "
                + "publish them, each on a different task; latency from the broker's acknowledgement (acks=all) to "
                + "the report being stored and evaluated at supervision.");
        report.line("");
        int seconds = env.count(20, 3);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            int[] next = {0};
            warmUp(() -> new OfferedLoad().atRate(100, Duration.ofSeconds(seconds), 1,
                    seq -> publish(producer, tasks.get(next[0]++ % tasks.size()), seq, new OfferedLoad())));
            header(false);
            for (int rate : TOPIC_RATES) {
                evidence.measure("topic." + rate, () -> {
                    OfferedLoad load = new OfferedLoad();
                    long t0 = System.nanoTime();
                    load.atRate(rate, Duration.ofSeconds(seconds), 1, seq -> publish(producer, tasks.get(next[0]++ % tasks.size()), seq, load));
                    producer.flush();
                    row("topic", rate, rate + "/s for " + seconds + " s", load, t0, "topic." + rate);
                });
            }
            int backlog = env.count(30_000, 2_000);
            evidence.measure("topic.saturation", "supervision", () -> {
                OfferedLoad load = new OfferedLoad();
                long t0 = System.nanoTime();
                for (int i = 0; i < backlog; i++) {
                    publish(producer, tasks.get(next[0]++ % tasks.size()), i, load);
                }
                producer.flush();
                row("topic", Double.NaN, String.format("saturation: a burst of %,d", backlog), load, t0, "topic.saturation");
            });
        }
    }

    /** Reports one at a time, each waited for until visible: the latency of one evaluation on a quiet system. */
    Percentiles oneAtATime(List<ProgressEvents.Ledgered> tasks, int count) {
        List<Double> latencies = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < count; i++) {
                publish(producer, tasks.get((int) ((i * 104_729L + 13) % tasks.size())), i, new OfferedLoad());
                producer.flush();
                Visibility.Outcome one = visibility.await(Duration.ofSeconds(30));
                if (one.seen() == 1) {
                    latencies.add(one.latency().max());
                }
            }
        }
        return Percentiles.ofMillis(latencies);
    }

    /** Load that is not measured: the services' JIT, pools and connections come up to speed first. */
    private void warmUp(Runnable load) {
        report.line("(after a warm-up at a low rate, not counted)");
        report.line("");
        load.run();
        visibility.await(DRAIN_WITHIN);
    }

    private void header(boolean answered) {
        List<String> columns = new ArrayList<>(List.of("path", "offered", "accepted/s", "refused",
                "stored+evaluated at supervision/s"));
        if (answered) {
            columns.add("answer p50 / p95 / p99 (ms)");
        }
        columns.addAll(List.of("visible p50 / p95 / p99 (ms)", "max (ms)"));
        report.table(columns.toArray(String[]::new));
    }

    /** One offered load's row, its figures ({@code figure}.accepted, .ingest, .p99, .answer.p99) and its points. */
    private void row(String path, double offeredRate, String offered, OfferedLoad load, long t0, String figure) {
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        Visibility.Outcome outcome = visibility.await(DRAIN_WITHIN);
        double acceptedRate = load.acceptedCount() / sendSeconds;
        report.figure(figure + ".accepted", acceptedRate);
        report.figure(figure + ".ingest", outcome.rate());
        report.figure(figure + ".p99", outcome.latency().p99());
        report.figure(figure + ".seen", outcome.seen() / (double) Math.max(1, outcome.expected()));
        report.latencies(figure + ".visible", outcome.millis());
        report.point(new Report.LoadPoint(path, offeredRate, acceptedRate, outcome.rate()));
        List<Object> cells = new ArrayList<>(List.of(path, offered, Report.rate(acceptedRate), load.refusedCount(),
                Report.rate(outcome.rate()) + (outcome.seen() < outcome.expected()
                        ? String.format(" (%d of %d seen)", outcome.seen(), outcome.expected()) : "")));
        List<Double> answers = load.responseMillis();
        if (!answers.isEmpty()) {
            Percentiles answer = Percentiles.ofMillis(answers);
            report.figure(figure + ".answer.p99", answer.p99());
            report.latencies(figure + ".answer", answers);
            cells.add(answer);
        }
        cells.add(outcome.latency());
        cells.add(Percentiles.ms(outcome.latency().max()));
        report.row(cells.toArray());
    }

    private void post(Suite suite, ProgressEvents.Ledgered task, int seq, OfferedLoad load) {
        String url = suite.get(task.sector()).url() + "/api/" + task.sector() + "/tasks/" + task.id() + "/progress";
        long sent = System.nanoTime();
        Api.Reply reply = api.post(url, "{\"asOf\":\"" + ProgressEvents.AS_OF + "\",\"narrative\":\"基准测试进度报告 "
                + seq + "\"}", Duration.ofSeconds(30));
        long accepted = System.nanoTime();
        load.answeredIn((accepted - sent) / 1e6);
        if (reply.status() != 202) {
            if (load.refusedCount() < 3) {
                System.err.println("refused " + reply.status() + ": " + reply.body());
            }
            load.refused();
            return;
        }
        load.accepted();
        visibility.expect(field(reply.body(), "reportId"), accepted);
    }

    private void publish(KafkaProducer<String, byte[]> producer, ProgressEvents.Ledgered task, int seq, OfferedLoad load) {
        Envelope<ProgressReported> event = ProgressEvents.report(task, seq);
        producer.send(ProgressEvents.record(event), (metadata, failure) -> {
            if (failure != null) {
                load.refused();
            } else {
                load.accepted();
                visibility.expect(event.data().reportId(), System.nanoTime());
            }
        });
    }

    /** The producer settings of the services' outbox relay: acks=all, idempotent. */
    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new java.util.HashMap<>(env.kafkaClient());
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static String field(String json, String name) {
        try {
            JsonNode node = EventCodec.json().readTree(json).get(name);
            return node == null ? null : node.asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
