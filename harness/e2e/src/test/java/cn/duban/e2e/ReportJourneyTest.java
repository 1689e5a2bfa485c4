package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A department posts progress in its sector service and the supervision office sees it: the first path. */
class ReportJourneyTest extends OnTheRunningSuite {

    @ParameterizedTest(name = "{0} reports on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            agriculture        | 2022-AGR-003 | {"asOf":"2022-09-30","figures":[{"metric":"高标准农田","value":6000}],"investment":1200,"narrative":"%s"}
            industry           | 2022-IND-010 | {"asOf":"2022-06-30","figures":[{"metric":"产能","value":0}],"investment":185000,"narrative":"%s","problems":"焦炉砌筑进度偏慢"}
            culture-tourism    | 2022-CUL-002 | {"asOf":"2022-05-28","milestonesReached":["试运行"],"evidence":["https://example.org/wumiao-trial.jpg"],"narrative":"%s"}
            urban-construction | 2022-URB-007 | {"asOf":"2022-08-31","percent":70,"narrative":"%s","nextSteps":"路面摊铺"}
            reform             | 2022-REF-004 | {"asOf":"2022-07-31","percent":60,"narrative":"%s"}
            livelihood         | 2022-LIV-014 | {"asOf":"2022-09-30","figures":[{"metric":"卫生医技人员","value":120}],"narrative":"%s"}
            """)
    void eachSectorsReportOnIts2022TaskReachesSupervision(String sector, String taskId, String bodyTemplate) {
        String narrative = sector + " 进度 " + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(sector).get(suite.url(sector) + "/api/{sector}/tasks/{id}", sector, taskId).then().statusCode(200));

        as(sector).contentType(ContentType.JSON).body(bodyTemplate.formatted(narrative))
                .post(suite.url(sector) + "/api/{sector}/tasks/{id}/progress", sector, taskId)
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("supervisor").get(suite.url("supervision") + "/api/supervision/tasks/{id}", taskId)
                        .then().statusCode(200).body("progress.latest.narrative", equalTo(narrative))
                        .body("progress.latest.reportedBy", equalTo(sector)));
    }

    @Test
    void agricultureMayNotReportOnAnIndustryTaskThroughEitherService() {
        String body = "{\"asOf\":\"2022-06-30\",\"investment\":1}";
        for (String service : List.of("agriculture", "industry")) {
            as("agriculture").contentType(ContentType.JSON).body(body)
                    .post(suite.url(service) + "/api/{service}/tasks/2022-IND-010/progress", service)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:duban:problem:forbidden"));
        }
    }

    @Test
    void aReportSentToTheWrongSectorServiceIsRefusedWithTheRightAddress() {
        as("industry").contentType(ContentType.JSON).body("{\"asOf\":\"2022-06-30\",\"investment\":1}")
                .post(suite.url("agriculture") + "/api/agriculture/tasks/2022-IND-010/progress")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:wrong-sector"))
                .body("detail", containsString("/api/industry/tasks/2022-IND-010"));
    }

    @Test
    void aUnitsAcknowledgementIsRecordedAtSupervisionWithWhoAndWhen() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("reform").get(suite.url("reform") + "/api/reform/tasks/2022-REF-004").then().statusCode(200));
        as("reform").contentType(ContentType.JSON).body("{\"unit\":\"县自然资源局\"}")
                .post(suite.url("reform") + "/api/reform/tasks/2022-REF-004/acknowledge").then().statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("supervisor").get(suite.url("supervision") + "/api/supervision/tasks/2022-REF-004").then()
                        .body("acknowledgements.unit", hasItem("县自然资源局"))
                        .body("audit.actor", hasItem("reform"))
                        .body("audit.action", hasItem("assignment.acknowledged")));
    }

    @Test
    void industryNeedsEvidenceToReportProductionStarted() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("industry").get(suite.url("industry") + "/api/industry/tasks/2022-IND-010").then().statusCode(200));
        as("industry").contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-10-20\",\"milestonesReached\":[\"投产\"],\"investment\":300000}")
                .post(suite.url("industry") + "/api/industry/tasks/2022-IND-010/progress")
                .then().statusCode(400).body("errors.field", hasItem("evidence"));
    }

    @Test
    void aSectorServiceStartedOnAnEmptyDatabaseShowsItsSectorsTasksAgain() {
        // Every service here started on a freshly cleaned database; its tasks came back from duban.tasks.v1.
        int atSupervision = as("supervisor").queryParam("sector", "culture-tourism").queryParam("size", 1)
                .get(suite.url("supervision") + "/api/supervision/tasks").then().statusCode(200).extract().path("total");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> ids = as("culture-tourism").get(suite.url("culture-tourism") + "/api/culture-tourism/tasks")
                    .then().statusCode(200).extract().path("items.id");
            assertThat(ids.stream().filter(id -> id.startsWith("2022-CUL-"))).hasSize(atSupervision);
        });
    }

    @Test
    void theSameEventDeliveredTwiceIsStoredOnce() {
        String taskId = "2022-LIV-043";
        String narrative = "老旧小区 " + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("livelihood").get(suite.url("livelihood") + "/api/livelihood/tasks/{id}", taskId).then().statusCode(200));
        String eventId = as("livelihood").contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-06-30\",\"figures\":[{\"metric\":\"老旧小区\",\"value\":3}],\"narrative\":\"" + narrative + "\"}")
                .post(suite.url("livelihood") + "/api/livelihood/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("eventId");
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(Topics.progress(Sector.LIVELIHOOD), Duration.ofSeconds(30),
                r -> eventId.equals(KafkaTestClient.header(r, "ce_id")));
        ConsumerRecord<String, byte[]> original = seen.get(seen.size() - 1);
        Map<String, String> headers = new HashMap<>();
        original.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));

        KafkaTestClient.sendRaw(Topics.progress(Sector.LIVELIHOOD), original.key(), headers, original.value()); // redelivery
        String marker = "marker " + UUID.randomUUID();
        as("livelihood").contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-07-31\",\"figures\":[{\"metric\":\"老旧小区\",\"value\":4}],\"narrative\":\"" + marker + "\"}")
                .post(suite.url("livelihood") + "/api/livelihood/tasks/{id}/progress", taskId).then().statusCode(202);

        // Same key, same partition, in order: once the marker is there, the redelivered copy was consumed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("supervisor").get(suite.url("supervision") + "/api/supervision/tasks/{id}", taskId)
                        .then().body("progress.latest.narrative", equalTo(marker)));
        List<String> narratives = as("supervisor").get(suite.url("supervision") + "/api/supervision/tasks/{id}", taskId)
                .then().extract().path("progress.history.narrative");
        assertThat(narratives).containsOnlyOnce(narrative);
    }

    /** A request as a demo user, with a real token from the test Keycloak. */
    static RequestSpecification as(String user) {
        return given().header("Authorization", KeycloakTokens.user(user));
    }
}
