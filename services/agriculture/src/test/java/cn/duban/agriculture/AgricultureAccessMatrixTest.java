package cn.duban.agriculture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.progress.ProgressReported;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTasks;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may see and do what in a sector service, role × endpoint → status, with signed tokens shaped like the
 * realm's (docs/security.md). The task is led by 县农业农村局 with 县财政局 as co-unit.
 */
@QuarkusTest
class AgricultureAccessMatrixTest {
    static final Map<String, String> CALLERS = new LinkedHashMap<>();
    static final String REPORT = """
            {"asOf": "2022-05-31", "figures": [{"metric": "高标准农田", "value": 100}], "narrative": "测试"}""";

    String taskId;

    @BeforeAll
    static void callers() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        CALLERS.put("anonymous", null);
        CALLERS.put("supervisor", TestTokens.supervisor());
        CALLERS.put("leader", TestTokens.leader("分管农业农村工作的副县长"));
        CALLERS.put("agriculture", TestTokens.sectorReporter("agriculture"));
        CALLERS.put("industry", TestTokens.sectorReporter("industry"));
        CALLERS.put("lead unit", TestTokens.unitReporter("agriculture-bureau", "agriculture", "县农业农村局"));
        CALLERS.put("co-unit", TestTokens.unitReporter("finance-bureau", "reform", "县财政局"));
        CALLERS.put("other unit", TestTokens.unitReporter("water-bureau", "agriculture", "县水利局"));
    }

    @BeforeEach
    void assignATask() {
        TestTokens.actAs(null);
        taskId = TestTasks.newId(Sector.AGRICULTURE);
        TestTasks.assign(TestTasks.farmland(taskId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization",
                CALLERS.get("supervisor")).get("/api/agriculture/tasks/{id}", taskId).then().statusCode(200));
    }

    //                     anonymous supervisor leader agriculture industry lead-unit co-unit other-unit
    @Test
    void reading() {
        check("GET", "/api/agriculture/tasks", null, 401, 200, 200, 200, 403, 200, 200, 200);
        check("GET", "/api/agriculture/tasks?unit=县水利局", null, 401, 200, 200, 200, 403, 403, 403, 200);
        check("GET", "/api/agriculture/tasks/" + taskId, null, 401, 200, 200, 200, 403, 200, 200, 403);
        check("GET", "/api/agriculture/alerts", null, 401, 200, 200, 200, 403, 200, 200, 200);
    }

    @Test
    void reportingOnThisSectorsTask() {
        check("POST", "/api/agriculture/tasks/" + taskId + "/progress", REPORT, 401, 403, 403, 202, 403, 202, 202, 403);
    }

    @Test
    void otherSubmissions() {
        check("POST", "/api/agriculture/tasks/" + taskId + "/acknowledge", "{}", 401, 403, 403, 202, 403, 202, 202, 403);
        check("POST", "/api/agriculture/tasks/" + taskId + "/extension-requests",
                "{\"requestedDeadline\":\"2023-03-31\",\"reason\":\"雨季\"}", 401, 403, 403, 202, 403, 202, 202, 403);
        check("POST", "/api/agriculture/tasks/" + taskId + "/completion-claims",
                "{\"completedOn\":\"2022-05-30\"}", 401, 403, 403, 202, 403, 202, 202, 403);
    }

    @Test
    void aUnitListsOnlyItsOwnTasks() {
        given().header("Authorization", CALLERS.get("co-unit")).get("/api/agriculture/tasks").then().statusCode(200)
                .body("items.id", hasItem(taskId))
                .body("items.findAll { it.leadUnit != '县财政局' }.coUnits", everyItem(hasItem("县财政局")));
        given().header("Authorization", CALLERS.get("other unit")).get("/api/agriculture/tasks").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(taskId)));
    }

    @Test
    void aUnitReporterSubmitsOnlyInItsOwnUnitsNameAndTheEventNamesWho() {
        given().header("Authorization", CALLERS.get("co-unit")).contentType(ContentType.JSON)
                .body(REPORT.replace("\"narrative\"", "\"unit\": \"县农业农村局\", \"narrative\""))
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(403);
        String eventId = given().header("Authorization", CALLERS.get("co-unit")).contentType(ContentType.JSON)
                .body(REPORT).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("eventId");

        var record = KafkaTestClient.readUntil(Topics.PROGRESS, Duration.ofSeconds(30),
                r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))).stream()
                .filter(r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_actor")).isEqualTo("finance-bureau");
        ProgressReported report = (ProgressReported) KafkaTestClient.decode(record).data();
        assertThat(report.unit()).isEqualTo("县财政局");
        assertThat(report.reportedBy()).isEqualTo("finance-bureau");
    }

    @Test
    void aSectorReporterIsForbiddenOtherSectorsTasksWhicheverServiceItCalls() {
        given().header("Authorization", CALLERS.get("agriculture")).contentType(ContentType.JSON).body(REPORT)
                .post("/api/agriculture/tasks/{id}/progress", "2022-IND-007").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:duban:problem:forbidden"));
    }

    /** One endpoint for every caller, in the order of {@link #CALLERS}. */
    private static void check(String method, String path, String body, int... expected) {
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            var request = given();
            if (caller.getValue() != null) {
                request = request.header("Authorization", caller.getValue());
            }
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            Response response = method.equals("GET") ? request.get(path) : request.post(path);
            int want = expected[i++];
            if (response.statusCode() != want) {
                wrong.add(caller.getKey() + " got " + response.statusCode() + ", expected " + want + ": "
                        + response.asString());
            } else if (want >= 400 && !response.contentType().startsWith("application/problem+json")) {
                wrong.add(caller.getKey() + " got " + want + " as " + response.contentType() + ", not problem+json");
            }
        }
        assertThat(wrong).as(method + " " + path).isEmpty();
    }
}
