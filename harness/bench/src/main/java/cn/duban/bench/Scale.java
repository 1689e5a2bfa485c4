package cn.duban.bench;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Supervision with a province-sized ledger: full re-evaluation (the clock moved, as every hour and on the demo's
 * clock change), one incremental evaluation, and the office's queries (task list, alerts, scorecards).
 */
final class Scale {
    private static final Duration LONG_REQUEST = Duration.ofMinutes(10);
    /** How long a re-evaluation is followed: the first one of a million tasks is long. */
    private static final Duration EVALUATION_WAIT = Duration.ofMinutes(90);
    /** Page numbers reach the first 10,000 tasks (supervision's PageRequest.WINDOW), 200 pages of 50. */
    private static final int WINDOW_PAGES = 200;

    private final BenchEnv env;
    private final Report report;
    private final Api api;
    private final Evidence evidence;
    private final Random random = new Random(25);

    Scale(BenchEnv env, Report report, Api api, Evidence evidence) {
        this.env = env;
        this.report = report;
        this.api = api;
        this.evidence = evidence;
    }

    List<ProgressEvents.Ledgered> loadAndReevaluate(Suite suite, int count) throws Exception {
        report.heading(String.format("Scale: a ledger of %,d tasks", count));
        long t0 = System.nanoTime();
        List<ProgressEvents.Ledgered> tasks = ScaleLedger.load(env, count);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        String clock = suite.get("supervision").url() + "/api/supervision/admin/clock";
        report.table("what", "time", "detail");
        report.row("ledger loaded (COPY, plus the 178 Pingyao tasks)", String.format("%.1f s", loadSeconds),
                String.format("%,d tasks, %,d units", count, Sector.values().length * ScaleLedger.UNITS_PER_SECTOR));
        reevaluate(clock, "2022-06-01T09:00:00+08:00", "full re-evaluation, first (clock → 2022-06-01: lights change, alerts raised)", "reevaluate.first");
        evidence.measure("reevaluate.again", "supervision", () -> reevaluate(clock, "2022-06-01T10:00:00+08:00",
                "full re-evaluation, again (nothing changed)", "reevaluate.again"));
        long outbox = System.nanoTime();
        long unpublished = waitForOutbox();
        report.row("outbox relayed to duban.alerts.v1 after the first re-evaluation",
                String.format("%.1f s", (System.nanoTime() - outbox) / 1e9), unpublished == 0 ? String.format("%,d alerts open", count("select count(*) from alert where state <> 'RESOLVED'")) : unpublished + " still unpublished");
        // The queries below should not share the machine with six services still filing those alerts.
        long inboxes = System.nanoTime();
        long behind = waitForSectorInboxes();
        report.row("the six sector services' alert inboxes caught up with duban.alerts.v1",
                String.format("%.1f s", (System.nanoTime() - inboxes) / 1e9),
                behind == 0 ? "consumer lag 0 in every sector" : String.format("%,d records still behind", behind));
        return tasks;
    }

    private void reevaluate(String clock, String to, String what, String figure) {
        long t0 = System.nanoTime();
        String outcome;
        try {
            // The move answers 202 at once; the re-evaluation it queued is followed until it is done.
            Api.Reply reply = api.post(clock, "{\"now\":\"" + to + "\"}", LONG_REQUEST);
            Evaluated run = reply.status() == 202 ? awaitEvaluation(clock, reply.body())
                    : new Evaluated("HTTP " + reply.status(), Double.NaN);
            double seen = (System.nanoTime() - t0) / 1e9;
            if (run.state().equals("DONE")) {
                // The figure is the run's own time at supervision (started → finished, wall time; requestedAt is business
                // time): the bench's 100 ms polling would otherwise be most of a nothing-changed run.
                double seconds = report.figure(figure, Double.isNaN(run.seconds()) ? seen : run.seconds());
                outcome = String.format("%.2f s at supervision (%.2f s seen by the bench, polling every 100 ms)", seconds, seen);
            } else {
                outcome = "failed: " + run.state();
            }
        } catch (IllegalStateException e) {
            outcome = "no answer within " + LONG_REQUEST.toMinutes() + " min";
        }
        report.row(what, outcome,
                String.format("%,d tasks evaluated, lights: %s", count("select count(*) from task where evaluated_on is not null"),
                        lights()));
    }

    /** A re-evaluation's last state, and its time from started to finished as supervision recorded it (wall time). */
    private record Evaluated(String state, double seconds) {
    }

    /** Polls the re-evaluation named in the clock move's answer until it is DONE or FAILED. */
    private Evaluated awaitEvaluation(String clock, String moveAnswer) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"evaluation\":\\{\"id\":(\\d+)").matcher(moveAnswer);
        if (!id.find()) {
            return new Evaluated("no evaluation in " + moveAnswer, Double.NaN);
        }
        String run = clock.replace("/admin/clock", "/admin/evaluations/" + id.group(1));
        long deadline = System.nanoTime() + EVALUATION_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String body = api.get(run, java.time.Duration.ofSeconds(30)).body();
            java.util.regex.Matcher state = java.util.regex.Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(body);
            if (state.find() && (state.group(1).equals("DONE") || state.group(1).equals("FAILED"))) {
                return new Evaluated(state.group(1), between(at(body, "startedAt"), at(body, "finishedAt")));
            }
            Pause.briefly(100);
        }
        return new Evaluated("not done within " + EVALUATION_WAIT.toMinutes() + " min", Double.NaN);
    }

    private static java.time.OffsetDateTime at(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? java.time.OffsetDateTime.parse(m.group(1)) : null;
    }

    private static double between(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        return from == null || to == null ? Double.NaN : java.time.Duration.between(from, to).toNanos() / 1e9;
    }

    /**
     * The million-task aim: the ledger grows to {@code target} tasks (added on the clock's day, due over the rest of
     * the year: a province's ledger taking in a new batch), a re-evaluation evaluates them, and the office's task list
     * is asked for as on the ledger above. Supervision's clock stands where the first re-evaluation moved it.
     */
    void million(Suite suite, List<ProgressEvents.Ledgered> ledger, int target) throws Exception {
        int before = (int) count("select count(*) from task");
        report.heading(String.format("Scale: the ledger grown to %,d tasks", target));
        if (before >= target) {
            report.line(String.format("The ledger already holds %,d tasks.", before));
            return;
        }
        report.line(String.format("%,d tasks added to the %,d above by COPY as a batch the office takes in on "
                + "2022-06-01 (due over the rest of the year, none late yet), evaluated by the re-evaluation a clock "
                + "move starts; then the office's task list, one client.", target - before, before));
        report.line("");
        report.table("what", "time", "detail");
        report.figure("million.added", target - before);
        long t0 = System.nanoTime();
        List<ProgressEvents.Ledgered> added = ScaleLedger.add(env,
                new ScaleLedger.Batch(ledger.size(), target - before, java.time.LocalDate.of(2022, 6, 1)));
        report.row("tasks added (COPY, then ANALYZE)", String.format("%.1f s", report.figure("million.load",
                (System.nanoTime() - t0) / 1e9)), String.format("%,.0f tasks in the ledger",
                report.figure("million.ledger", count("select count(*) from task"))));
        String clock = suite.get("supervision").url() + "/api/supervision/admin/clock";
        reevaluate(clock, "2022-06-01T11:00:00+08:00", "re-evaluation of the tasks due (the new ones)", "million.evaluate");
        vacuum();
        List<ProgressEvents.Ledgered> all = new ArrayList<>(ledger);
        all.addAll(added);
        evidence.measure("million.queries", "supervision", () -> askTaskList(suite, all));
    }

    private void askTaskList(Suite suite, List<ProgressEvents.Ledgered> tasks) {
        String base = suite.get("supervision").url() + "/api/supervision";
        int n = env.count(300, 30);
        report.line("");
        report.table("query", "p50 / p95 / p99 (ms)", "max (ms)");
        query("GET /tasks?size=50 (first page)", n, "million.tasks.p99", i -> base + "/tasks?size=50");
        taskPages(base, tasks, n, "million.");
        query("GET /tasks?unit=…&size=50 (lead or co-unit)", n, null,
                i -> base + "/tasks?size=50&unit=" + enc(ScaleLedger.unit(Sector.values()[i % 6], 1 + random.nextInt(100))));
        query("GET /tasks?q=…&size=50 (free text)", Math.max(10, n / 3), "million.q.p99",
                i -> base + "/tasks?size=50&q=" + enc("第" + (1 + random.nextInt(tasks.size())) + "项"));
        query("GET /tasks/{id}", n, null, i -> base + "/tasks/" + tasks.get(random.nextInt(tasks.size())).id());
    }

    /**
     * The task list paged: by page number (which reaches the first {@value #WINDOW_PAGES} pages of 50, docs/api.md), and
     * going on after any task of the ledger (how a reader or a system reads deeper).
     */
    private void taskPages(String base, List<ProgressEvents.Ledgered> tasks, int n, String figures) {
        int pages = Math.min(WINDOW_PAGES, Math.max(1, tasks.size() / 50));
        query(String.format("GET /tasks?page=…&size=50 (any of the first %,d pages)", pages), n, figures + "pages.p99",
                i -> base + "/tasks?size=50&page=" + random.nextInt(pages));
        query(String.format("GET /tasks?after=…&size=50 (after any of the %,d tasks)", tasks.size()), n,
                figures + "after.p99", i -> base + "/tasks?size=50&after=" + enc(tasks.get(random.nextInt(tasks.size())).id()));
        query("GET /tasks?sector=…&page=…&size=50", n, null, i -> base + "/tasks?size=50&sector="
                + Sector.values()[i % 6].id() + "&page=" + random.nextInt(Math.min(WINDOW_PAGES, Math.max(1, tasks.size() / 300))));
    }

    void incremental(Ingest ingest, List<ProgressEvents.Ledgered> tasks) {
        Percentiles one = ingest.oneAtATime(tasks, env.count(30, 5));
        report.figure("incremental.p50", one.p50());
        report.row("one incremental evaluation: one report onto the topic → stored and evaluated (p50 / p95 / p99)",
                one + " ms", one.count() + " reports, one at a time, each on another task");
    }

    void queries(Suite suite, List<ProgressEvents.Ledgered> tasks) {
        vacuum();
        evidence.measure("queries", "supervision", () -> askAll(suite, tasks));
    }

    private void askAll(Suite suite, List<ProgressEvents.Ledgered> tasks) {
        String base = suite.get("supervision").url() + "/api/supervision";
        int n = env.count(300, 30);
        report.line("");
        report.line(String.format("Queries, one client, %d requests of each (free text: %d, scorecards: %d), on the "
                + "ledger above:", n, Math.max(10, n / 3), Math.max(5, n / 30)));
        report.line("");
        report.table("query", "p50 / p95 / p99 (ms)", "max (ms)");
        query("GET /tasks?size=50 (first page)", n, "tasks.p99", i -> base + "/tasks?size=50");
        taskPages(base, tasks, n, "");
        query("GET /tasks?unit=…&size=50 (lead or co-unit)", n, null,
                i -> base + "/tasks?size=50&unit=" + enc(ScaleLedger.unit(Sector.values()[i % 6], 1 + random.nextInt(100))));
        query("GET /tasks?light=RED&size=50", n, null, i -> base + "/tasks?size=50&light=RED&page=" + random.nextInt(100));
        query("GET /tasks?q=…&size=50 (free text)", Math.max(10, n / 3), "tasks.q.p99", i -> base + "/tasks?size=50&q=" + enc("第" + (1 + random.nextInt(tasks.size())) + "项"));
        query("GET /tasks/{id}", n, null, i -> base + "/tasks/" + tasks.get(random.nextInt(tasks.size())).id());
        query("GET /alerts?unit=…", n, "alerts.p99",
                i -> base + "/alerts?unit=" + enc(ScaleLedger.unit(Sector.values()[i % 6], 1 + random.nextInt(100))));
        query("GET /scorecards", Math.max(5, n / 30), "scorecards.p99", i -> base + "/scorecards");
    }

    private void query(String what, int count, String figure, IntFunction<String> url) {
        List<Double> millis = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            Api.Reply reply = api.get(url.apply(i), LONG_REQUEST);
            millis.add((System.nanoTime() - t0) / 1e6);
            failed += reply.status() == 200 ? 0 : 1;
        }
        Percentiles p = Percentiles.ofMillis(millis);
        if (figure != null) {
            report.figure(figure, p.p99());
        }
        report.row(what + (failed > 0 ? " (" + failed + " failed)" : ""), p, Percentiles.ms(p.max()));
    }

    private long waitForOutbox() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long left;
        while ((left = count("select count(*) from outbox_event where published_at is null")) > 0 && System.nanoTime() < deadline) {
            Pause.briefly(250);
        }
        return left;
    }

    /** Waits until every sector's alerts consumer has committed the end of duban.alerts.v1; returns the lag left. */
    private long waitForSectorInboxes() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Admin admin = Admin.create(env.kafkaClient())) {
            long behind;
            while ((behind = alertsLag(admin)) > 0 && System.nanoTime() < deadline) {
                Pause.briefly(500);
            }
            return behind;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the sectors' consumer lag", e);
        }
    }

    private static long alertsLag(Admin admin) throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.ALERTS)).allTopicNames().get()
                .get(Topics.ALERTS).partitions().stream().map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (Sector sector : Sector.values()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(sector.id() + ".alerts").partitionsToOffsetAndMetadata().get();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                lag += ends.get(partition).offset() - (at == null ? 0 : at.offset());
            }
        }
        return lag;
    }

    private String lights() {
        StringBuilder out = new StringBuilder();
        try (Connection db = connect(); Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("select light, count(*) from task group by light order by light")) {
            while (rows.next()) {
                out.append(out.isEmpty() ? "" : ", ").append(rows.getString(1)).append(' ').append(String.format("%,d", rows.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * The office's queries are timed on the ledger as it stands between changes, not while autovacuum is at the
     * tables a bulk evaluation just rewrote (it starts within a minute of such a change, V31): so the bench vacuums
     * them itself first, and says how long that took.
     */
    private void vacuum() {
        long t0 = System.nanoTime();
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("vacuum (analyze) task, task_unit, alert");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        report.line("");
        report.line(String.format("The task, task_unit and alert tables vacuumed before the queries, as autovacuum would after "
                + "the change above: %.1f s.", (System.nanoTime() - t0) / 1e9));
    }

    private long count(String sql) {
        try (Connection db = connect(); Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(env.jdbcUrl("supervision"), env.dbUser(), "");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
