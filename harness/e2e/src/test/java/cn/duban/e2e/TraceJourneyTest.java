package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.e2e.SpanCollector.Span;
import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.KeycloakTokens;
import cn.duban.testsupport.TestTokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operable like a production service: one progress report, followed from the department's POST through the
 * outbox and Kafka to supervision's consumer, is one trace in the collector (docs/operations.md).
 */
class TraceJourneyTest extends OnTheRunningSuite {

    @BeforeAll
    static void actAsAgriculture() {
        TestTokens.actAs(KeycloakTokens.user("agriculture"));
    }

    @AfterAll
    static void noToken() {
        TestTokens.actAs(null);
    }

    @Test
    void oneReportIsOneTraceFromTheSectorServiceThroughKafkaToSupervision() {
        String taskId = "2022-AGR-009"; // no other end-to-end test reports on it
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get(suite.url("agriculture") + "/api/agriculture/tasks/{id}", taskId).then().statusCode(200));
        // The caller (a gateway, a department system) starts the trace; everything after must stay in it.
        Random random = new Random();
        String traceId = randomHex(random, 16);
        String narrative = "追踪 " + UUID.randomUUID();

        String eventId = given().header("traceparent", "00-" + traceId + "-" + randomHex(random, 8) + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of("asOf", "2022-09-30", "percent", 40, "narrative", narrative))
                .post(suite.url("agriculture") + "/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("eventId");

        // Kafka: the record the relay sent later, from another thread, carries the same trace.
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.progress(Sector.AGRICULTURE), Duration.ofSeconds(30),
                r -> eventId.equals(KafkaTestClient.header(r, "ce_id")));
        String traceparent = KafkaTestClient.header(records.get(records.size() - 1), "traceparent");
        assertThat(traceparent).as("traceparent header of event " + eventId).startsWith("00-" + traceId + "-");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Span> trace = suite.spans.trace(traceId);
            Span post = only(trace, "agriculture", Span.SERVER);
            Span publish = only(trace, "agriculture", Span.PRODUCER);
            Span consume = only(trace, "supervision", Span.CONSUMER);
            assertThat(post.name()).startsWith("POST");
            assertThat(publish.name()).contains(Topics.progress(Sector.AGRICULTURE));
            assertThat(consume.name()).contains(Topics.progress(Sector.AGRICULTURE));
            // supervision's span hangs under the record's producer span, named in its traceparent
            assertThat(traceparent).isEqualTo("00-" + traceId + "-" + publish.spanId() + "-01");
            assertThat(consume.parentSpanId()).isEqualTo(publish.spanId());
        });
        given().header("Authorization", KeycloakTokens.user("supervisor"))
                .get(suite.url("supervision") + "/api/supervision/tasks/{id}", taskId).then().statusCode(200);
    }

    private static Span only(List<Span> trace, String service, int kind) {
        List<Span> matching = trace.stream().filter(s -> s.service().equals(service) && s.kind() == kind).toList();
        assertThat(matching).as("%s spans of kind %d in %s", service, kind, trace).hasSize(1);
        return matching.get(0);
    }

    private static String randomHex(Random random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        value[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(value);
    }
}
