package cn.duban.bench;

import cn.duban.events.Sector;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyManager;
import org.postgresql.PGConnection;

/**
 * A province-sized ledger in supervision's bench database: the rows LedgerImport writes for a new task (status
 * NOT_STARTED, light GREEN, not yet evaluated), bulk-loaded by COPY, with 100 units per sector. Ids look like the
 * Pingyao ones ({@code 2022-AGR-100001}).
 */
final class ScaleLedger {
    static final int UNITS_PER_SECTOR = 100;
    /** Rows per COPY: a million rows are sent a slice at a time, never held whole in the bench's memory. */
    private static final int ROWS_PER_COPY = 50_000;
    private static final String[] METRICS = {"高标准农田", "项目", "公里", "户"};
    private static final String[] MEASURES = {"亩", "个", "公里", "户"};

    /**
     * Which tasks to write: the {@code count} tasks numbered from {@code first} (ids and titles follow the number, so
     * two loads never collide), and when they run.
     *
     * @param startingOn {@code null}: a year's ledger, started on 1 January with deadlines and milestones spread over
     *                   the year, so that moving the clock to June makes some tasks overdue, some due soon and most on
     *                   track; a date: tasks added that day, due over the rest of the year, none late yet
     */
    record Batch(int first, int count, LocalDate startingOn) {
    }

    private ScaleLedger() {
    }

    static String unit(Sector sector, int n) {
        return "省" + sector.code() + "厅第" + n + "处";
    }

    /** Loads a year's ledger of {@code count} tasks and the units they name; returns the tasks, as the ingest needs them. */
    static List<ProgressEvents.Ledgered> load(BenchEnv env, int count) throws SQLException, IOException {
        StringBuilder units = new StringBuilder();
        for (Sector sector : Sector.values()) {
            for (int n = 1; n <= UNITS_PER_SECTOR; n++) {
                units.append(unit(sector, n)).append('\t').append(sector.id()).append('\t').append("分管副省长")
                        .append('\n');
            }
        }
        try (Connection db = DriverManager.getConnection(env.jdbcUrl("supervision"), env.dbUser(), "")) {
            db.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy unit (name, sector, leader) from stdin", new StringReader(units.toString()));
        }
        return add(env, new Batch(0, count, null));
    }

    /** Adds a batch of tasks (their units are the ones {@link #load} wrote) and analyzes the tables. */
    static List<ProgressEvents.Ledgered> add(BenchEnv env, Batch batch) throws SQLException, IOException {
        Sector[] sectors = Sector.values();
        List<ProgressEvents.Ledgered> tasks = new ArrayList<>(batch.count());
        String now = OffsetDateTime.now().toString();
        try (Connection db = DriverManager.getConnection(env.jdbcUrl("supervision"), env.dbUser(), "")) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            for (int i = batch.first(); i < batch.first() + batch.count(); i++) {
                Sector sector = sectors[i % sectors.length];
                String id = "2022-" + sector.code() + "-" + (100_001 + i / sectors.length);
                String lead = unit(sector, 1 + (i / sectors.length) % UNITS_PER_SECTOR);
                String co = unit(sector, 1 + (i / sectors.length + 1) % UNITS_PER_SECTOR);
                LocalDate start = batch.startingOn() == null ? LocalDate.of(2022, 1, 1) : batch.startingOn();
                // a year's ledger: deadlines at the ends of March to December; tasks added later: the last four months
                LocalDate deadline = batch.startingOn() == null ? LocalDate.of(2022, 3 + i % 10, 1).plusMonths(1).minusDays(1)
                        : LocalDate.of(2022, 9 + i % 4, 1).plusMonths(1).minusDays(1);
                LocalDate milestone = deadline.minusMonths(1);
                int m = i % METRICS.length;
                String title = "第" + (i + 1) + "项：完成" + METRICS[m] + (100 + i % 900) + MEASURES[m];
                rows.append(String.join("\t", id, "2022", sector.id(), title,
                        title + "，由" + lead + "牵头、" + co + "配合，按月报送进度，" + deadline + "前完成",
                        "[\"" + sector.id() + "\"]", lead, "[\"" + co + "\"]", "分管副省长",
                        "[{\"metric\":\"" + METRICS[m] + "\",\"unit\":\"" + MEASURES[m] + "\",\"value\":" + (100 + i % 900) + "}]",
                        "[{\"name\":\"阶段验收\",\"due\":\"" + milestone + "\"}]",
                        start.toString(), deadline.toString(), deadline.toString(), "MONTHLY", "[]", "bench-" + i,
                        "NOT_STARTED", "GREEN", "0", "0", "\\N", now, now, "\\N", "WORK", "MUST")).append('\n');
                tasks.add(new ProgressEvents.Ledgered(id, sector.id(), lead));
                if (tasks.size() % ROWS_PER_COPY == 0 || tasks.size() == batch.count()) {
                    copy.copyIn("""
                            copy task (id, year, sector, title, text, section, lead_unit, co_units, leader, targets, milestones,
                              planned_start, deadline, original_deadline, reporting_cycle, flags, content_hash, status, light,
                              percent, expected_percent, evaluated_on, created_at, updated_at, rule_overrides, kind, strength) from stdin""",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            try (var analyze = db.createStatement()) {
                analyze.execute("analyze");
            }
        }
        return tasks;
    }
}
