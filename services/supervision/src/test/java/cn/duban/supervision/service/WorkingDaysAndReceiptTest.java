package cn.duban.supervision.service;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import static cn.duban.supervision.LedgerTasks.UNIT;
import static cn.duban.supervision.LedgerTasks.importTasks;
import static cn.duban.supervision.LedgerTasks.newId;
import static cn.duban.supervision.LedgerTasks.newIdOtherThan;
import static cn.duban.supervision.LedgerTasks.openRules;
import static cn.duban.supervision.LedgerTasks.task;
import static cn.duban.supervision.LedgerTasks.view;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.supervision.ClockMoves;
import cn.duban.supervision.LedgerTasks;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Dates of the 2022 national calendar (docs/calendar.md) and timeliness by receipt, through the ledger import, the
 * office's task view, the alerts and the scorecards.
 */
@QuarkusTest
class WorkingDaysAndReceiptTest extends AsTheOfficeOnTheDemoClock {

    @Test
    void aDeadlineInTheNationalDayHolidayIsJudgedOnTheNextWorkingDay() {
        String id = newId();
        // 国庆 10.1–10.7; Saturday 10.8 is a working day (国办发明电〔2021〕11号). 劳动节 4.30–5.4.
        importTasks(task(id, "2022-10-01", "[{\"name\": \"开工\", \"due\": \"2022-04-30\"}]", ""));

        JsonPath view = view(id);
        assertThat(view.getString("deadline")).isEqualTo("2022-10-01");
        assertThat(view.getString("effectiveDeadline")).isEqualTo("2022-10-08");
        assertThat(view.getString("milestones[0].due")).isEqualTo("2022-04-30");
        assertThat(view.getString("milestones[0].effectiveDue")).isEqualTo("2022-05-05");

        ClockMoves.moveTo("2022-05-05T18:00:00+08:00");
        assertThat(openRules(id)).as("开工 is due on 5.5").doesNotContain("MILESTONE_OVERDUE");
        ClockMoves.moveTo("2022-05-06T09:00:00+08:00");
        assertThat(openRules(id)).contains("MILESTONE_OVERDUE");

        ClockMoves.moveTo("2022-10-08T18:00:00+08:00");
        assertThat(view(id).getString("status")).isNotEqualTo("OVERDUE");
        assertThat(openRules(id)).doesNotContain("OVERDUE");
        ClockMoves.moveTo("2022-10-09T09:00:00+08:00");
        assertThat(view(id).getString("status")).isEqualTo("OVERDUE");
        assertThat(openRules(id)).contains("OVERDUE");
    }

    @Test
    void aReportReceivedAfterItsMonthsDueDayIsLateWhateverItsAsOf() {
        String late = newId();
        String onTime = newIdOtherThan(late);
        importTasks(task(late) + ", " + task(onTime));

        // 2022-09-25 is a Sunday: September's report is due by the end of Monday the 26th.
        ClockMoves.moveTo("2022-09-26T10:00:00+08:00");
        int before = reportsOnTime();
        send(onTime, LocalDate.of(2022, 9, 26));
        assertThat(reportsOnTime()).as("received on the moved due day: on time").isEqualTo(before + 1);

        ClockMoves.moveTo("2022-09-27T09:00:00+08:00");
        assertThat(openRules(late)).contains("STALE_REPORT");
        assertThat(openRules(onTime)).doesNotContain("STALE_REPORT");
        String reason = openAlertReason(late, "STALE_REPORT");

        // dated the 20th, received the 27th: late
        send(late, LocalDate.of(2022, 9, 20));
        JsonPath view = view(late);
        assertThat(view.getString("progress.history[0].asOf")).isEqualTo("2022-09-20");
        assertThat(OffsetDateTime.parse(view.getString("progress.history[0].receivedAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(LocalDate.of(2022, 9, 27));
        assertThat(reportsOnTime()).as("September's report of %s came late", late).isEqualTo(before + 1);
        assertThat(reason).contains("应于 2022-09-26", "25 日逢休息日顺延");
    }

    private static void send(String taskId, LocalDate asOf) {
        LedgerTasks.report(taskId, asOf, 50);
    }

    private static int reportsOnTime() {
        return given().get("/api/supervision/scorecards").then().statusCode(200).extract().jsonPath()
                .getInt("units.find { it.name == '" + UNIT + "' }.facts.reportsOnTime");
    }

    private static String openAlertReason(String id, String rule) {
        return LedgerTasks.openAlerts(id).stream().filter(a -> rule.equals(a.get("rule")))
                .map(a -> (String) a.get("reason")).findFirst().orElseThrow();
    }
}
