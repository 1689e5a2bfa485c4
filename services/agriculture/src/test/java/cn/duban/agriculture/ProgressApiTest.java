package cn.duban.agriculture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.duban.events.Envelope;
import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTasks;
import cn.duban.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressApiTest extends OnAFreshFarmlandTask {
    static final String GOOD = """
            {"asOf": "2022-09-30", "figures": [{"metric": "高标准农田", "value": 6000}], "investment": 1200,
             "milestonesReached": ["开工"], "narrative": "已完成高标准农田6000亩", "problems": "资金到位慢",
             "nextSteps": "加快施工", "evidence": ["https://example.org/photo-1.jpg"], "completed": false}""";

    @Test
    void anAcceptedReportIsPublishedAsACloudEventKeyedByTaskId() {
        String eventId = given().contentType(ContentType.JSON).body(GOOD)
                .post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).body("reportId", notNullValue()).body("eventId", notNullValue())
                .extract().path("eventId");

        ConsumerRecord<String, byte[]> record = last(KafkaTestClient.readUntil(Topics.progress(Sector.AGRICULTURE), Duration.ofSeconds(30),
                r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))));
        assertThat(record.key()).isEqualTo(taskId);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("duban.ProgressReported.v1");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/duban/agriculture");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(taskId);
        ProgressReported report = (ProgressReported) KafkaTestClient.decode(record).data();
        assertThat(report.unit()).isEqualTo("县农业农村局");
        assertThat(report.figures()).singleElement().satisfies(f -> assertThat(f.value()).isEqualByComparingTo("6000"));
    }

    @Test
    void theAssignedTaskIsListedForItsLeadAndCoUnits() {
        given().queryParam("unit", "县财政局").get("/api/agriculture/tasks")
                .then().statusCode(200).body("items.id", hasItem(taskId));
    }

    @Test
    void badReportsAreProblemsNamingTheFieldAndNothingIsPublished() {
        problem("", 400, "body");
        problem("{\"asOf\": \"2022-09-30\", \"figures\": \"many\"}", 400, "figures");
        problem("{\"asOf\": \"2022-02-30\"}", 400, "asOf");
        problem("{\"asOf\": \"2022-09-30\", \"figures\": [{\"metric\": \"高标准农田\", \"value\": -5}]}", 400,
                "figures[0].value");
        problem("{\"asOf\": \"2022-09-30\", \"figures\": [{\"metric\": \"玉米\", \"value\": 5}]}", 400,
                "figures[0].metric");
        problem("{\"asOf\": \"2022-09-30\", \"figures\": [{\"metric\": \"高标准农田\", \"value\": 5.5}]}", 400,
                "figures[0].value");
        problem("{\"asOf\": \"2022-09-30\", \"milestonesReached\": [\"竣工\"]}", 400, "milestonesReached[0]");
        problem("{\"asOf\": \"2022-09-30\", \"percent\": 50}", 400, "percent");
        problem("{\"asOf\": \"2999-01-01\"}", 400, "asOf");
        given().contentType(ContentType.JSON).body("{not json").post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(400).contentType("application/problem+json");

        String goodEvent = given().contentType(ContentType.JSON).body(GOOD)
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202).extract().path("eventId");
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.progress(Sector.AGRICULTURE),
                Duration.ofSeconds(30), r -> goodEvent.equals(KafkaTestClient.header(r, "ce_id")));
        assertThat(records.stream().filter(r -> taskId.equals(r.key()))).as("events for the task").hasSize(1);
    }

    @Test
    void numbersPastTheQuantityBoundsAreRefusedInChineseAndNothingIsPublished() {
        for (String figure : new String[] {"1e1000", "1E+999999999", "1000000000000000", "6000.00001", "-1e1000"}) {
            given().contentType(ContentType.JSON).body(GOOD.replace("6000}", figure + "}"))
                    .post("/api/agriculture/tasks/{id}/progress", taskId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .header("Content-Language", "zh-CN")
                    .body("errors.field", hasItem("figures[0].value"));
        }
        given().contentType(ContentType.JSON).body(GOOD.replace("6000}", "1e1000}"))
                .post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(400).body("errors[0].message", containsString("整数部分最多 15 位"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(GOOD.replace("1200", "1E+999999999"))
                .post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(400).body("errors.field", hasItem("investment"))
                .body("errors[0].message", containsString("out of range"));

        // the largest quantity is accepted, read back, and compared with the next report
        String largest = GOOD.replace("6000}", "999999999999999}").replace("1200", "999999999999999.9999")
                .replace("\"completed\": false",
                "\"completed\": false, \"confirmed\": true");
        String eventId = given().contentType(ContentType.JSON).body(largest)
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202).extract().path("eventId");
        given().contentType(ContentType.JSON).body(GOOD).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(409).body("type", equalTo("urn:duban:problem:correction-required"));
        given().get("/api/agriculture/tasks/{id}", taskId).then().statusCode(200);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.progress(Sector.AGRICULTURE),
                Duration.ofSeconds(30), r -> eventId.equals(KafkaTestClient.header(r, "ce_id")));
        assertThat(records.stream().filter(r -> taskId.equals(r.key()))).as("events for the task").hasSize(1);
    }

    @Test
    void aReportOnAnotherSectorsTaskIsForbiddenToThisSectorsReporter() {
        given().contentType(ContentType.JSON).body(GOOD).post("/api/agriculture/tasks/{id}/progress", "2022-IND-007")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("2022-IND-007"));
    }

    @Inject
    EntityManager entityManager;

    /** A snapshot naming another sector is not kept here, though its id carries this sector's code. */
    @Test
    void aTaskEventOfAnotherSectorIsIgnored() {
        String id = TestTasks.newId(Sector.AGRICULTURE);
        TaskSnapshot t = TestTasks.farmland(id);
        Envelope<TaskAssigned> foreign = Envelope.of("supervision", "test", OffsetDateTime.now(), new TaskAssigned(
                new TaskSnapshot(t.id(), t.year(), "industry", t.title(), t.text(), t.section(), "县工业和信息化局",
                        List.of(), t.leader(), t.targets(), t.milestones(), t.plannedStart(), t.deadline(),
                        t.originalDeadline(), t.reportingCycle(), t.flags())));
        KafkaTestClient.send(foreign);

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = 'sector.tasks' and event_id = :id")
                .setParameter("id", foreign.id()).getSingleResult()).longValue()) == 1);
        given().get("/api/agriculture/tasks/{id}", id).then().statusCode(404);
    }

    @Test
    void aReportSentToTheWrongSectorServiceIsRefusedWithTheRightAddress() {
        given().header("Authorization", TestTokens.sectorReporter("industry")).contentType(ContentType.JSON).body(GOOD)
                .post("/api/agriculture/tasks/{id}/progress", "2022-IND-007")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:wrong-sector"))
                .body("detail", containsString("/api/industry/tasks/2022-IND-007"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCountsOnce() {
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + taskId).body(GOOD)
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202).extract().path("eventId");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + taskId).body(GOOD)
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202).extract().path("eventId");
        assertThat(second).isEqualTo(first);

        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + taskId)
                .body(GOOD.replace("6000}", "7000}"))
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void cumulativeFiguresMayOnlyGoDownThroughACorrection() {
        String reportId = given().contentType(ContentType.JSON).body(GOOD)
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202).extract().path("reportId");
        String lower = GOOD.replace("6000}", "5000}").replace("1200", "1300");

        given().contentType(ContentType.JSON).body(lower).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(409).body("type", equalTo("urn:duban:problem:correction-required"))
                .body("errors[0].field", equalTo("figures[0].value"));
        given().contentType(ContentType.JSON)
                .body(lower.replace("\"completed\": false", "\"completed\": false, \"correctionOf\": \"" + reportId
                        + "\", \"correctionReason\": \"重复统计了1000亩\""))
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202);
    }

    @Test
    void aFigureFarPastItsTargetNeedsConfirmation() {
        String huge = GOOD.replace("6000}", "95000}");
        given().contentType(ContentType.JSON).body(huge).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(409).body("type", equalTo("urn:duban:problem:confirmation-required"));
        given().contentType(ContentType.JSON).body(huge.replace("\"completed\": false", "\"completed\": false, \"confirmed\": true"))
                .post("/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202);
    }

    @Test
    void acknowledgementExtensionAndCompletionClaimAreAccepted() {
        given().contentType(ContentType.JSON).body("{}").post("/api/agriculture/tasks/{id}/acknowledge", taskId)
                .then().statusCode(202).body("unit", equalTo("县农业农村局"));
        given().contentType(ContentType.JSON).body("{\"requestedDeadline\": \"2023-03-31\", \"reason\": \"汛期影响施工\"}")
                .post("/api/agriculture/tasks/{id}/extension-requests", taskId).then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"requestedDeadline\": \"2022-06-30\", \"reason\": \"x\"}")
                .post("/api/agriculture/tasks/{id}/extension-requests", taskId).then().statusCode(400)
                .body("errors[0].field", equalTo("requestedDeadline"));
        given().contentType(ContentType.JSON).body("{\"completedOn\": \"2022-11-30\", \"evidence\": [\"验收报告.pdf\"]}")
                .post("/api/agriculture/tasks/{id}/completion-claims", taskId).then().statusCode(202);
    }

    private void problem(String body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static ConsumerRecord<String, byte[]> last(List<ConsumerRecord<String, byte[]>> records) {
        return records.get(records.size() - 1);
    }
}
