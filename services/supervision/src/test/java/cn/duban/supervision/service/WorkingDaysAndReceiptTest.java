package cn.duban.supervision.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.events.Envelope;
import cn.duban.events.progress.ProgressReported;
import cn.duban.supervision.ClockMoves;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dates of the 2022 national calendar (docs/calendar.md) and timeliness by receipt, through the ledger import, the
 * office's task view, the alerts and the scorecards.
 */
@QuarkusTest
class WorkingDaysAndReceiptTest {
    private static final String UNIT = "县农业农村局";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }

    @AfterEach
    void backToTheDemoStart() {
        ClockMoves.moveTo("2022-03-01T09:00:00+08:00");
    }

    @Test
    void aDeadlineInTheNationalDayHolidayIsJudgedOnTheNextWorkingDay() {
        String id = newId();
        // 国庆 10.1–10.7; Saturday 10.8 is a working day (国办发明电〔2021〕11号). 劳动节 4.30–5.4.
        importTasks(task(id, "2022-10-01", "[{\"name\": \"开工\", \"due\": \"2022-04-30\"}]"));

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
        String onTime = newId();
        while (onTime.equals(late)) {
            onTime = newId();
        }
        importTasks(task(late, "2022-12-31", "[]") + ", " + task(onTime, "2022-12-31", "[]"));

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

    /** Sends a report as of {@code asOf} and waits until the office has it. */
    private static void send(String taskId, LocalDate asOf) {
        String reportId = "R-" + UUID.randomUUID();
        KafkaTestClient.send(Envelope.of("test", "test", OffsetDateTime.now(), new ProgressReported(reportId, taskId,
                "agriculture", UNIT, asOf, List.of(), null, 50, List.of(), "测试", null, null, List.of(), false,
                OffsetDateTime.now(), "agriculture", null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> view(taskId).getList("progress.history.reportId")
                .contains(reportId));
    }

    private static int reportsOnTime() {
        return given().get("/api/supervision/scorecards").then().statusCode(200).extract().jsonPath()
                .getInt("units.find { it.name == '" + UNIT + "' }.facts.reportsOnTime");
    }

    private static JsonPath view(String id) {
        return given().get("/api/supervision/tasks/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> openRules(String id) {
        return given().queryParam("taskId", id).get("/api/supervision/alerts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(a -> !"RESOLVED".equals(a.get("state"))).map(a -> (String) a.get("rule")).toList();
    }

    private static String openAlertReason(String id, String rule) {
        return given().queryParam("taskId", id).get("/api/supervision/alerts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(a -> !"RESOLVED".equals(a.get("state")) && rule.equals(a.get("rule")))
                .map(a -> (String) a.get("reason")).findFirst().orElseThrow();
    }

    private static void importTasks(String tasks) {
        given().contentType(ContentType.JSON).body("""
                {"year": 2022, "county": "平遥县", "source": "测试", "plannedStart": "2022-01-01", "tasks": [%s]}"""
                .formatted(tasks)).post("/api/supervision/ledger/import").then().statusCode(200);
    }

    /** A task id no earlier run used: the test databases outlive a run. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(2100, 10000) + "-AGR-" + random.nextInt(100, 1000);
    }

    private static String task(String id, String deadline, String milestones) {
        return """
                {"id": "%s", "sector": "agriculture", "title": "测试任务", "text": "测试原文", "section": ["一、测试", "测试"],
                 "leadUnit": "%s", "coUnits": [], "leader": "分管农业农村工作的副县长", "targets": [],
                 "milestones": %s, "deadline": "%s", "reportingCycle": "MONTHLY", "flags": []}"""
                .formatted(id, UNIT, milestones, deadline);
    }
}
