package cn.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.testsupport.KafkaTestClient;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "one number stops the county's alerts": a figure with a thousand-digit exponent was accepted (202) on
 * 2022-AGR-003, after which every later report on the task, the office's view of it and every clock move were 500s.
 * Here the attacker tries it at the department API through the gateway and as a forged event on the progress topic;
 * neither gets in, and the task, its later reports and the clock keep working.
 */
class NumberAttackTest extends OnTheRunningSuite {

    @Test
    void aThousandDigitExponentAtTheDepartmentApiIsRefusedInChineseAndNothingIsStored() {
        String taskId = "2022-AGR-005"; // 酥梨标准化果园 1000 亩, 投资 520 万元: no other test reports on it
        awaitAssigned(taskId);
        String attack = "攻击 " + UUID.randomUUID();

        for (String body : List.of(
                "{\"asOf\":\"2022-03-01\",\"figures\":[{\"metric\":\"酥梨标准化果园\",\"value\":1e1000}],\"narrative\":\"" + attack + "\"}",
                "{\"asOf\":\"2022-03-01\",\"investment\":1E+999999999,\"narrative\":\"" + attack + "\"}")) {
            ReportJourneyTest.as("agriculture").contentType(ContentType.JSON).body(body)
                    .post(gateway + "/api/agriculture/tasks/{id}/progress", taskId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .header("Content-Language", "zh-CN")
                    .body("type", equalTo("urn:duban:problem:invalid-request"))
                    .body("detail", containsString("超出范围"))
                    .body("errors[0].message", containsString("整数部分最多 15 位"));
        }
        ReportJourneyTest.as("agriculture").header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-03-01\",\"figures\":[{\"metric\":\"酥梨标准化果园\",\"value\":1e1000}]}")
                .post(gateway + "/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(400).body("errors.field", hasItem("figures[0].value"))
                .body("errors[0].message", containsString("out of range"));

        // A later, ordinary report is accepted and reaches the office, and the refused one never did.
        String later = "正常填报 " + UUID.randomUUID();
        ReportJourneyTest.as("agriculture").contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-03-01\",\"figures\":[{\"metric\":\"酥梨标准化果园\",\"value\":200}],"
                        + "\"investment\":100,\"narrative\":\"" + later + "\"}")
                .post(gateway + "/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                ReportJourneyTest.as("supervisor").get(gateway + "/api/supervision/tasks/{id}", taskId)
                        .then().statusCode(200).body("progress.latest.narrative", equalTo(later))
                        .body("progress.history.narrative", not(hasItem(attack))));
        ReportJourneyTest.as("agriculture").get(gateway + "/api/agriculture/tasks/{id}", taskId).then().statusCode(200);
        moveTheClockInPlace();
    }

    @Test
    void aForgedProgressEventWithAHugeNumberIsDeadLetteredAndTheTaskStaysReadable() {
        String taskId = "2022-AGR-007"; // 农业生产托管: no other test reports on it (PhoneBrowserTest has 2022-AGR-006)
        awaitAssigned(taskId);
        String narrative = "伪造 " + UUID.randomUUID();
        ProgressReported forged = new ProgressReported("R-" + UUID.randomUUID(), taskId, "agriculture", "县农业农村局",
                LocalDate.of(2022, 3, 1), List.of(new Figure("农业生产托管", new BigDecimal("7"))), null, null, List.of(),
                narrative, null, null, List.of(), false, OffsetDateTime.now(), "attacker", null, null);
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", "attacker", OffsetDateTime.now(), forged));
        String json = new String(wire.value(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"value\":7");
        byte[] huge = json.replace("\"value\":7", "\"value\":1e1000").getBytes(StandardCharsets.UTF_8);
        String eventId = wire.headers().get(EventCodec.H_ID);

        KafkaTestClient.sendRaw(Topics.progress(Sector.AGRICULTURE), wire.key(), wire.headers(), huge);

        List<ConsumerRecord<String, byte[]>> parked = KafkaTestClient.readUntil(Topics.PROGRESS_DEAD_LETTERS,
                Duration.ofSeconds(60), r -> eventId.equals(KafkaTestClient.header(r, EventCodec.H_ID)));
        assertThat(KafkaTestClient.header(parked.get(parked.size() - 1), "dead-letter-reason"))
                .contains("figures.value", "out of range");
        ReportJourneyTest.as("supervisor").get(gateway + "/api/supervision/tasks/{id}", taskId)
                .then().statusCode(200).body("progress.history.narrative", not(hasItem(narrative)));

        // the task still takes reports, and the office still sees them
        String later = "正常填报 " + UUID.randomUUID();
        ReportJourneyTest.as("agriculture").contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-03-01\",\"figures\":[{\"metric\":\"农业生产托管\",\"value\":10}],\"narrative\":\"" + later + "\"}")
                .post(gateway + "/api/agriculture/tasks/{id}/progress", taskId).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                ReportJourneyTest.as("supervisor").get(gateway + "/api/supervision/tasks/{id}", taskId)
                        .then().statusCode(200).body("progress.latest.narrative", equalTo(later)));
        moveTheClockInPlace();
    }

    private static void awaitAssigned(String taskId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                ReportJourneyTest.as("agriculture").get(gateway + "/api/agriculture/tasks/{id}", taskId)
                        .then().statusCode(200));
    }

    /** A clock move re-evaluates the whole ledger; "moved" to where it stands, so other tests' time is theirs. */
    private static void moveTheClockInPlace() {
        String now = ReportJourneyTest.as("supervisor").get(gateway + "/api/supervision/admin/clock")
                .then().statusCode(200).extract().path("now");
        ReportJourneyTest.as("supervisor").contentType(ContentType.JSON).body(Map.of("now", now))
                .post(gateway + "/api/supervision/admin/clock")
                .then().statusCode(is(oneOf(200, 202))); // 202 once clock moves are queued work (issue 14, item 2)
        ReportJourneyTest.as("supervisor").get(gateway + "/api/supervision/tasks").then().statusCode(200);
    }
}
