package cn.duban.agriculture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.progress.ProgressReported;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTasks;
import cn.duban.testsupport.AccessMatrix;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may see and do what in a sector service, role × endpoint → status, with signed tokens shaped like the
 * realm's (docs/security.md). The task is led by 县农业农村局 with 县财政局 as co-unit.
 */
@QuarkusTest
class AgricultureAccessMatrixTest {
    static final AccessMatrix MATRIX = new AccessMatrix();
    static final String REPORT = """
            {"asOf": "2022-05-31", "figures": [{"metric": "高标准农田", "value": 100}], "narrative": "测试"}""";

    String taskId;

    @BeforeAll
    static void callers() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        MATRIX.caller("anonymous", null);
        MATRIX.caller("supervisor", TestTokens.supervisor());
        MATRIX.caller("leader", TestTokens.leader("分管农业农村工作的副县长"));
        MATRIX.caller("agriculture", TestTokens.sectorReporter("agriculture"));
        MATRIX.caller("industry", TestTokens.sectorReporter("industry"));
        MATRIX.caller("lead unit", TestTokens.unitReporter("agriculture-bureau", "agriculture", "县农业农村局"));
        MATRIX.caller("co-unit", TestTokens.unitReporter("finance-bureau", "reform", "县财政局"));
        MATRIX.caller("other unit", TestTokens.unitReporter("water-bureau", "agriculture", "县水利局"));
    }

    @BeforeEach
    void assignATask() {
        TestTokens.actAs(null);
        taskId = TestTasks.newId(Sector.AGRICULTURE);
        TestTasks.assign(TestTasks.farmland(taskId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization",
                MATRIX.bearer("supervisor")).get("/api/agriculture/tasks/{id}", taskId).then().statusCode(200));
    }

    //                     anonymous supervisor leader agriculture industry lead-unit co-unit other-unit
    @Test
    void reading() {
        MATRIX.check("GET", "/api/agriculture/tasks", null, 401, 200, 200, 200, 403, 200, 200, 200);
        MATRIX.check("GET", "/api/agriculture/tasks?unit=县水利局", null, 401, 200, 200, 200, 403, 403, 403, 200);
        MATRIX.check("GET", "/api/agriculture/tasks/" + taskId, null, 401, 200, 200, 200, 403, 200, 200, 403);
        MATRIX.check("GET", "/api/agriculture/alerts", null, 401, 200, 200, 200, 403, 200, 200, 200);
    }

    @Test
    void reportingOnThisSectorsTask() {
        MATRIX.check("POST", "/api/agriculture/tasks/" + taskId + "/progress", REPORT, 401, 403, 403, 202, 403, 202, 202, 403);
    }

    @Test
    void otherSubmissions() {
        MATRIX.check("POST", "/api/agriculture/tasks/" + taskId + "/acknowledge", "{}", 401, 403, 403, 202, 403, 202, 202, 403);
        MATRIX.check("POST", "/api/agriculture/tasks/" + taskId + "/extension-requests",
                "{\"requestedDeadline\":\"2023-03-31\",\"reason\":\"雨季\"}", 401, 403, 403, 202, 403, 202, 202, 403);
        MATRIX.check("POST", "/api/agriculture/tasks/" + taskId + "/completion-claims",
                "{\"completedOn\":\"2022-05-30\"}", 401, 403, 403, 202, 403, 202, 202, 403);
    }

    @Test
    void aUnitListsOnlyItsOwnTasks() {
        given().header("Authorization", MATRIX.bearer("co-unit")).get("/api/agriculture/tasks").then().statusCode(200)
                .body("items.id", hasItem(taskId))
                .body("items.findAll { it.leadUnit != '县财政局' }.coUnits", everyItem(hasItem("县财政局")));
        given().header("Authorization", MATRIX.bearer("other unit")).get("/api/agriculture/tasks").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(taskId)));
    }

    @Test
    void aUnitReporterSubmitsOnlyInItsOwnUnitsNameAndTheEventNamesWho() {
        given().header("Authorization", MATRIX.bearer("co-unit")).contentType(ContentType.JSON)
                .body(REPORT.replace("\"narrative\"", "\"unit\": \"县农业农村局\", \"narrative\""))
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(403);
        String eventId = given().header("Authorization", MATRIX.bearer("co-unit")).contentType(ContentType.JSON)
                .body(REPORT).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("eventId");

        var record = KafkaTestClient.readUntil(Topics.progress(Sector.AGRICULTURE), Duration.ofSeconds(30),
                r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))).stream()
                .filter(r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_actor")).isEqualTo("finance-bureau");
        ProgressReported report = (ProgressReported) KafkaTestClient.decode(record).data();
        assertThat(report.unit()).isEqualTo("县财政局");
        assertThat(report.reportedBy()).isEqualTo("finance-bureau");
    }

    @Test
    void aSectorReporterActsOnlyInTheNameOfTheTasksOwnUnits() {
        String forUnit = REPORT.replace("\"narrative\"", "\"unit\": \"%s\", \"narrative\"");
        //                                                              anonymous supervisor leader agriculture industry lead-unit co-unit other-unit
        MATRIX.check("POST", "/api/agriculture/tasks/" + taskId + "/progress", forUnit.formatted("县水利局"),
                401, 403, 403, 403, 403, 403, 403, 403);
        MATRIX.check("POST", "/api/agriculture/tasks/" + taskId + "/acknowledge", "{\"unit\": \"县水利局\"}",
                401, 403, 403, 403, 403, 403, 403, 403);
        given().header("Authorization", MATRIX.bearer("agriculture")).contentType(ContentType.JSON)
                .body(forUnit.formatted("县水利局")).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("县水利局"));
        given().header("Authorization", MATRIX.bearer("agriculture")).contentType(ContentType.JSON)
                .body(forUnit.formatted("县财政局")).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202);
    }

    @Test
    void aCorrectionNamesAnEarlierReportOfTheSameUnitOnTheSameTask() {
        String mine = given().header("Authorization", MATRIX.bearer("lead unit")).contentType(ContentType.JSON)
                .body(REPORT).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("reportId");
        String theirs = given().header("Authorization", MATRIX.bearer("co-unit")).contentType(ContentType.JSON)
                .body(REPORT).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("reportId");
        String otherTask = TestTasks.newId(Sector.AGRICULTURE);
        TestTasks.assign(TestTasks.farmland(otherTask));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization",
                MATRIX.bearer("supervisor")).get("/api/agriculture/tasks/{id}", otherTask).then().statusCode(200));
        String elsewhere = given().header("Authorization", MATRIX.bearer("lead unit")).contentType(ContentType.JSON)
                .body(REPORT).post("/api/agriculture/tasks/{id}/progress", otherTask)
                .then().statusCode(202).extract().path("reportId");
        String lower = "{\"asOf\": \"2022-05-31\", \"figures\": [{\"metric\": \"高标准农田\", \"value\": 50}], "
                + "\"correctionOf\": \"%s\", \"correctionReason\": \"重复统计\"}";

        for (String notMine : new String[] {theirs, elsewhere, "R-made-up", "A-" + taskId + "-县农业农村局"}) {
            given().header("Authorization", MATRIX.bearer("lead unit")).contentType(ContentType.JSON)
                    .body(lower.formatted(notMine)).post("/api/agriculture/tasks/{id}/progress", taskId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("correctionOf"));
        }
        given().header("Authorization", MATRIX.bearer("lead unit")).contentType(ContentType.JSON)
                .body(lower.formatted(mine)).post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202);
    }

    @Test
    void aSectorReporterIsForbiddenOtherSectorsTasksWhicheverServiceItCalls() {
        given().header("Authorization", MATRIX.bearer("agriculture")).contentType(ContentType.JSON).body(REPORT)
                .post("/api/agriculture/tasks/{id}/progress", "2022-IND-007").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:duban:problem:forbidden"));
    }
}
