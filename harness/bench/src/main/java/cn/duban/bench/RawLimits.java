package cn.duban.bench;

import cn.duban.events.EventCodec;
import cn.duban.events.progress.ProgressReported;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.postgresql.PGConnection;

/**
 * The machine's own limits, on the same broker and database server as the suite: Kafka's perf tools producing and
 * consuming records of a progress report's size, and PostgreSQL storing the rows supervision stores per report
 * (its progress_report row and its processed_event row), one transaction per event, batched, and by COPY.
 */
final class RawLimits {
    private static final String TOPIC = "bench.raw";

    private final BenchEnv env;
    private final Report report;

    RawLimits(BenchEnv env, Report report) {
        this.env = env;
        this.report = report;
    }

    void run(ProgressEvents.Ledgered sample) throws Exception {
        report.heading("Raw limits of this machine (same broker, same PostgreSQL server)");
        int size = ProgressEvents.size(ProgressEvents.report(sample, 1));
        kafka(size);
        postgres(sample);
    }

    private void kafka(int recordSize) throws Exception {
        int records = env.count(300_000, 20_000);
        try (Admin admin = Admin.create(env.kafkaClient())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        // The tools log in as the super user, from a file of mode 600 beside the run's other output.
        Path login = env.work().resolve("kafka-client.properties");
        Properties props = new Properties();
        props.putAll(env.kafkaClient());
        Files.createDirectories(login.getParent());
        Files.deleteIfExists(login);
        Files.createFile(login, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(login, StandardCharsets.UTF_8)) {
            props.store(out, "bench: the super user's login on the bench broker");
        }
        List<String> produced = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer.config", login.toString(), "--producer-props", "acks=all",
                "enable.idempotence=true");
        String summary = produced.stream().filter(l -> l.contains("records sent")).reduce((a, b) -> b).orElse("");
        double produceRate = Double.parseDouble(summary.replaceAll(".*sent, ([0-9.]+) records/sec.*", "$1"));
        List<String> consumed = tool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", env.kafka(),
                "--consumer.config", login.toString(), "--topic", TOPIC, "--messages", String.valueOf(records), "--timeout", "60000");
        String[] csv = consumed.get(consumed.size() - 1).split(",\\s*");
        double consumeRate = Double.parseDouble(csv[5]);
        report.figure("kafka.produce", produceRate);
        report.figure("kafka.consume", consumeRate);
        report.line(String.format("Kafka (`ProducerPerformance`/`ConsumerPerformance` of kafka-tools, %,d records of"
                + " %d bytes — a progress report with its CloudEvents headers —, topic of 6 partitions, acks=all,"
                + " idempotent producer):", records, recordSize));
        report.line("");
        report.table("what", "records/s", "detail");
        report.row("produce", Report.rate(produceRate), "`" + summary.strip() + "`");
        report.row("consume", Report.rate(consumeRate), "one consumer, from the start of the topic");
    }

    private List<String> tool(String main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.isBlank() && !line.contains("SLF4J") && !line.startsWith("WARN")) {
                    lines.add(line);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || lines.isEmpty()) {
            throw new IllegalStateException(main + " failed: " + String.join("\n", lines));
        }
        return lines;
    }

    /**
     * The server's version and whether autovacuum runs: with it off (as on the CI machines' PostgreSQL) no table is
     * vacuumed or analyzed during the run except where the bench says it does, so dead rows and stale statistics stay.
     */
    private static String server(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                var rows = s.executeQuery("select current_setting('server_version'), current_setting('autovacuum')")) {
            rows.next();
            return String.format("PostgreSQL %s, autovacuum %s (the server's configuration)%s.", rows.getString(1),
                    rows.getString(2), "off".equals(rows.getString(2))
                            ? ": nothing is vacuumed or analyzed during the run but what the bench vacuums itself" : "");
        }
    }

    private void postgres(ProgressEvents.Ledgered sample) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(env.jdbcUrl("supervision") + "?reWriteBatchedInserts=true",
                env.dbUser(), "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table if exists bench_raw_report, bench_raw_processed");
                ddl.execute("create table bench_raw_report (like progress_report including all)");
                ddl.execute("create table bench_raw_processed (like processed_event including all)");
            }
            db.setAutoCommit(false);
            int single = env.count(3_000, 500);
            int bulk = env.count(100_000, 5_000);
            double perEvent = insert(db, sample, single, 1);
            double batched = insert(db, sample, bulk, 500);
            double copy = copy(db, sample, bulk, 5_000);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table bench_raw_report, bench_raw_processed");
            }
            db.commit();
            report.line("");
            report.line(server(db));
            report.figure("pg.single", perEvent);
            report.figure("pg.batched", batched);
            report.figure("pg.copy", copy);
            report.line("");
            report.line("PostgreSQL (the rows supervision stores per report — a `progress_report` row with its JSON "
                    + "columns and a `processed_event` row — into copies of those tables with the same indexes; "
                    + "events per second, each event two rows):");
            report.line("");
            report.table("how", "events/s", "events");
            report.row("one transaction per event (as the consumer did before batching)", Report.rate(perEvent), single);
            report.row("JDBC batches of 500, one transaction per batch", Report.rate(batched), bulk);
            report.row("COPY, 5,000 per transaction", Report.rate(copy), bulk);
        }
    }

    private static double insert(Connection db, ProgressEvents.Ledgered sample, int events, int perTransaction)
            throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement report = db.prepareStatement("""
                insert into bench_raw_report (report_id, event_id, task_id, sector, unit, as_of, figures, investment,
                  percent, milestones_reached, narrative, problems, next_steps, evidence, completed, reported_at,
                  reported_by, received_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, null, '[]', ?, null, ?, '[]', false, ?, 'bench', now())""");
             PreparedStatement processed = db.prepareStatement(
                     "insert into bench_raw_processed (consumer, event_id, processed_at) values ('supervision.progress', ?, now())")) {
            for (int i = 0; i < events; i++) {
                ProgressReported r = ProgressEvents.report(sample, i).data();
                String eventId = UUID.randomUUID().toString();
                report.setString(1, r.reportId());
                report.setString(2, eventId);
                report.setString(3, r.taskId());
                report.setString(4, r.sector());
                report.setString(5, r.unit());
                report.setObject(6, r.asOf());
                report.setString(7, json(r.figures()));
                report.setBigDecimal(8, r.investment());
                report.setString(9, r.narrative());
                report.setString(10, r.nextSteps());
                report.setTimestamp(11, Timestamp.from(r.reportedAt().toInstant()));
                processed.setString(1, eventId);
                report.addBatch();
                processed.addBatch();
                if ((i + 1) % perTransaction == 0 || i == events - 1) {
                    processed.executeBatch();
                    report.executeBatch();
                    db.commit();
                }
            }
        }
        return events / ((System.nanoTime() - t0) / 1e9);
    }

    private static double copy(Connection db, ProgressEvents.Ledgered sample, int events, int perTransaction)
            throws SQLException, IOException {
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        long t0 = System.nanoTime();
        for (int from = 0; from < events; from += perTransaction) {
            StringBuilder reports = new StringBuilder();
            StringBuilder processed = new StringBuilder();
            for (int i = from; i < Math.min(events, from + perTransaction); i++) {
                ProgressReported r = ProgressEvents.report(sample, i).data();
                String eventId = UUID.randomUUID().toString();
                reports.append(String.join("\t", r.reportId(), eventId, r.taskId(), r.sector(), r.unit(),
                        r.asOf().toString(), json(r.figures()), r.investment().toPlainString(), "\\N", "[]",
                        r.narrative(), "\\N", r.nextSteps(), "[]", "f", r.reportedAt().toString(), "bench",
                        Instant.now().toString())).append('\n');
                processed.append("supervision.progress\t").append(eventId).append('\t').append(Instant.now()).append('\n');
            }
            copy.copyIn("copy bench_raw_report (report_id, event_id, task_id, sector, unit, as_of, figures, investment,"
                    + " percent, milestones_reached, narrative, problems, next_steps, evidence, completed, reported_at,"
                    + " reported_by, received_at) from stdin", new StringReader(reports.toString()));
            copy.copyIn("copy bench_raw_processed (consumer, event_id, processed_at) from stdin",
                    new StringReader(processed.toString()));
            db.commit();
        }
        return events / ((System.nanoTime() - t0) / 1e9);
    }

    static String json(Object value) {
        try {
            return EventCodec.json().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
