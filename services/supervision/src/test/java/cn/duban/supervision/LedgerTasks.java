package cn.duban.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.duban.events.Envelope;
import cn.duban.events.progress.ProgressReported;
import cn.duban.testsupport.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test tasks of 县农业农村局 (agriculture), imported through the ledger import, reported on through Kafka and read
 * through the office's task view and alert list, as the office would.
 */
public final class LedgerTasks {
    public static final String UNIT = "县农业农村局";

    private LedgerTasks() {
    }

    /** A task id no earlier run used: the test databases outlive a run. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(2100, 10000) + "-AGR-" + random.nextInt(100, 1000);
    }

    /** A new id other than {@code id}. */
    public static String newIdOtherThan(String id) {
        String other = newId();
        return other.equals(id) ? newIdOtherThan(id) : other;
    }

    /** A task of the 2022 ledger as the data file writes it; {@code extra} adds fields (", \"plan\": [...]"). */
    public static String task(String id, String deadline, String milestones, String extra) {
        return """
                {"id": "%s", "sector": "agriculture", "title": "测试任务", "text": "测试原文", "section": ["一、测试", "测试"],
                 "leadUnit": "%s", "coUnits": [], "leader": "分管农业农村工作的副县长", "targets": [],
                 "milestones": %s, "deadline": "%s", "reportingCycle": "MONTHLY", "flags": []%s}"""
                .formatted(id, UNIT, milestones, deadline, extra);
    }

    public static String task(String id) {
        return task(id, "2022-12-31", "[]", "");
    }

    /** Imports the tasks (JSON objects, comma-separated) as a 2022 ledger starting on 1 January. */
    public static void importTasks(String tasks) {
        given().contentType(ContentType.JSON).body("""
                {"year": 2022, "county": "平遥县", "source": "测试", "plannedStart": "2022-01-01", "tasks": [%s]}"""
                .formatted(tasks)).post("/api/supervision/ledger/import").then().statusCode(200);
    }

    public static JsonPath view(String id) {
        return given().get("/api/supervision/tasks/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** The task's alerts not yet resolved. */
    public static List<Map<String, Object>> openAlerts(String id) {
        return given().queryParam("taskId", id).get("/api/supervision/alerts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(a -> !"RESOLVED".equals(a.get("state"))).toList();
    }

    public static List<String> openRules(String id) {
        return openAlerts(id).stream().map(a -> (String) a.get("rule")).toList();
    }

    /** Sends a report as of {@code asOf} saying {@code percent} is done, and waits until the office has it. */
    public static void report(String taskId, LocalDate asOf, int percent) {
        String reportId = "R-" + UUID.randomUUID();
        KafkaTestClient.send(Envelope.of("test", "test", OffsetDateTime.now(), new ProgressReported(reportId, taskId,
                "agriculture", UNIT, asOf, List.of(), null, percent, List.of(), "测试", null, null, List.of(), false,
                OffsetDateTime.now(), "agriculture", null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> view(taskId).getList("progress.history.reportId")
                .contains(reportId));
    }
}
