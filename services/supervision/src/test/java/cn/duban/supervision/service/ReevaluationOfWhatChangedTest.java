package cn.duban.supervision.service;

import cn.duban.supervision.repository.ReevaluationRun;
import static cn.duban.supervision.LedgerTasks.importTasks;
import static cn.duban.supervision.LedgerTasks.newId;
import static cn.duban.supervision.LedgerTasks.newIdOtherThan;
import static cn.duban.supervision.LedgerTasks.report;
import static cn.duban.supervision.LedgerTasks.task;
import static cn.duban.supervision.LedgerTasks.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import cn.duban.supervision.ClockMoves;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a re-evaluation evaluates only the tasks whose evaluation can have changed, and what it leaves is what
 * an evaluation of every task gives. Odd times of day keep reports other runs received on the same day out of view.
 */
@QuarkusTest
class ReevaluationOfWhatChangedTest extends AsTheOfficeOnTheDemoClock {

    @Inject
    Reevaluation reevaluation;

    @Inject
    AgroalDataSource database;

    @Test
    void aRunEvaluatesOnlyTasksWhoseInputsChangedOrWhoseBoundaryCameAndLeavesWhatAFullRunWould() throws SQLException {
        String late = newId();
        String stepped = newIdOtherThan(late);
        String quiet = newIdOtherThan(stepped);
        // deadline and milestone on working days (a deadline on a weekend is judged on the next working day)
        importTasks(String.join(",", task(late, "2022-08-18", "[]", ""),
                task(stepped, "2022-12-31", "[{\"name\": \"完成招标\", \"due\": \"2022-08-25\"}]", ""),
                task(quiet)));
        ClockMoves.moveTo("2022-08-17T21:37:00+08:00");

        Reevaluation.Run again = runAndWait(reevaluation.request("test: nothing changed"));
        assertThat(again.evaluated()).as("a second run with nothing changed").isZero();
        assertThat(again.unchanged()).isGreaterThanOrEqualTo(3);
        assertThat(again.everyTask()).isFalse();

        report(quiet, LocalDate.of(2022, 8, 17), 70); // evaluated as it is taken in
        assertThat(view(quiet).getInt("progress.percent")).isEqualTo(70);
        assertThat(runAndWait(reevaluation.request("test: after a report")).evaluated()).isZero();
        sql("update task set reevaluate_from = null where id = '" + quiet + "'");
        assertThat(runAndWait(reevaluation.request("test: one task marked")).evaluated()).isEqualTo(1);

        ClockMoves.moveTo("2022-08-21T21:37:00+08:00");
        Reevaluation.Run crossed = reevaluation.latest().orElseThrow();
        assertThat(crossed.evaluated()).as("the deadline passed for one of ours").isGreaterThanOrEqualTo(1)
                .isLessThan(crossed.evaluated() + crossed.unchanged());
        assertThat(view(late).getString("status")).isEqualTo("OVERDUE");
        assertThat(storedStatus(late)).isEqualTo("OVERDUE");
        assertThat(storedStatus(stepped)).isNotEqualTo("OVERDUE");
        assertSameAsAFullRun();

        ClockMoves.moveTo("2022-08-26T21:37:00+08:00");
        assertThat(storedRules(stepped)).contains("MILESTONE_OVERDUE");
        assertSameAsAFullRun();

        ClockMoves.moveTo("2022-08-10T21:37:00+08:00");
        Reevaluation.Run back = reevaluation.latest().orElseThrow();
        assertThat(back.unchanged()).as("every task was evaluated for a later date").isZero();
        assertThat(storedStatus(late)).isNotEqualTo("OVERDUE");
        assertThat(storedRules(stepped)).doesNotContain("MILESTONE_OVERDUE");
        assertSameAsAFullRun();
    }

    @Test
    void otherRuleSettingsMakeEveryTaskDueOnce() throws SQLException {
        ClockMoves.moveTo("2022-09-05T21:37:00+08:00");
        sql("update evaluation_settings set fingerprint = 'other settings'");

        Reevaluation.Run changed = runAndWait(reevaluation.request("test: settings changed"));
        assertThat(changed.everyTask()).isTrue();
        assertThat(changed.unchanged()).isZero();
        assertThat(runAndWait(reevaluation.request("test: settings kept")).everyTask()).isFalse();
    }

    private Reevaluation.Run runAndWait(Reevaluation.Run queued) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> reevaluation
                .run(queued.id()).map(run -> run.state() == ReevaluationRun.State.DONE).orElse(false));
        return reevaluation.run(queued.id()).orElseThrow();
    }

    /** Every task's stored evaluation and open alerts stay as they are when every task is evaluated again. */
    private void assertSameAsAFullRun() throws SQLException {
        List<String> before = ledger();
        Reevaluation.Run full = runAndWait(reevaluation.requestEveryTask("test: every task"));
        assertThat(full.everyTask()).isTrue();
        assertThat(full.unchanged()).isZero();
        assertThat(ledger()).isEqualTo(before);
    }

    private List<String> ledger() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            try (ResultSet rs = c.createStatement().executeQuery("select id, status, light, percent, expected_percent,"
                    + " evaluation_problem from task order by id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " "
                            + rs.getInt(5) + " " + rs.getString(6));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select id, task_id, rule, milestone, state,"
                    + " escalation_level, inhibited, last_reminder_at from alert where state <> 'RESOLVED' order by id")) {
                while (rs.next()) {
                    rows.add("alert " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4) + " " + rs.getString(5) + " " + rs.getInt(6) + " " + rs.getBoolean(7)
                            + " " + rs.getObject(8));
                }
            }
        }
        return rows;
    }

    private String storedStatus(String id) throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select status from task where id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> storedRules(String id) throws SQLException {
        List<String> rules = new ArrayList<>();
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select rule from alert where state <> 'RESOLVED' and task_id = '" + id + "'")) {
            while (rs.next()) {
                rules.add(rs.getString(1));
            }
        }
        return rules;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.createStatement().executeUpdate(statement);
        }
    }
}
