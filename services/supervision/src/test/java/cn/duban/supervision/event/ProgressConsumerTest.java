package cn.duban.supervision.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTokens;
import cn.duban.platform.messaging.IdempotentConsumer;
import cn.duban.supervision.service.ProgressIntake;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressConsumerTest {

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }
    static final String FARMLAND = "2022-AGR-003";

    static Envelope<ProgressReported> report(String taskId, String reportId, int mu) {
        return report(taskId, reportId, mu, "agriculture", "县农业农村局");
    }

    static Envelope<ProgressReported> report(String taskId, String reportId, int mu, String sector, String unit) {
        return Envelope.of("agriculture", "agriculture", OffsetDateTime.now(), new ProgressReported(reportId, taskId,
                sector, unit, LocalDate.of(2022, 2, 28),
                List.of(new Figure("高标准农田", new BigDecimal(mu))), new BigDecimal("100"), null, List.of(),
                "测试进度", null, null, List.of(), false, OffsetDateTime.now(), "agriculture", null, null));
    }

    @Test
    void aReportedEventIsShownAsTheTasksLatestProgress() {
        String reportId = "R-" + UUID.randomUUID();
        KafkaTestClient.send(report(FARMLAND, reportId, 1500));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/supervision/tasks/{id}", FARMLAND)
                .then().statusCode(200).body("progress.history.reportId.flatten()", org.hamcrest.Matchers.hasItem(reportId)));
    }

    @Test
    void theSameEventDeliveredTwiceIsStoredOnce() {
        String taskId = "9001-AGR-" + String.format("%03d", (int) (Math.random() * 1000));
        Envelope<ProgressReported> once = report(taskId, "R-" + UUID.randomUUID(), 10);
        KafkaTestClient.send(once);
        KafkaTestClient.send(once);
        Envelope<ProgressReported> marker = report(taskId, "R-" + UUID.randomUUID(), 20);
        KafkaTestClient.send(marker);

        // Same key, same partition: once the marker is stored, both copies before it were consumed.
        await().atMost(Duration.ofSeconds(20)).until(() -> ReportCount.of(taskId) == 2);
        assertThat(ReportCount.of(taskId)).isEqualTo(2);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithItsReason() {
        String taskId = "2022-AGR-00" + (int) (Math.random() * 9);
        EncodedEvent good = EventCodec.encode(report(taskId, "R-" + UUID.randomUUID(), 1));
        Map<String, String> headers = new HashMap<>(good.headers());
        String badId = UUID.randomUUID().toString();
        headers.put("ce_id", badId);
        KafkaTestClient.sendRaw(Topics.progress(Sector.AGRICULTURE), taskId, headers, "{\"reportId\": 42, \"asOf\": \"yesterday\"}"
                .getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> dlq = KafkaTestClient.readUntil(Topics.PROGRESS_DEAD_LETTERS,
                Duration.ofSeconds(30), r -> badId.equals(KafkaTestClient.header(r, "ce_id")));
        ConsumerRecord<String, byte[]> parked = dlq.get(dlq.size() - 1);
        assertThat(KafkaTestClient.header(parked, "dead-letter-reason")).contains("unreadable");

        // and the consumer goes on
        String after = "R-" + UUID.randomUUID();
        KafkaTestClient.send(report(FARMLAND, after, 1600));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/supervision/tasks/{id}", FARMLAND)
                .then().body("progress.history.reportId.flatten()", org.hamcrest.Matchers.hasItem(after)));
    }

    @Test
    void anEventWithANumberPastTheBoundsIsDeadLetteredNeverStoredAndTheTaskStaysReadable() {
        String taskId = "9002-AGR-" + String.format("%03d", (int) (Math.random() * 1000));
        Envelope<ProgressReported> forged = report(taskId, "R-" + UUID.randomUUID(), 7);
        EncodedEvent wire = EventCodec.encode(forged);
        String json = new String(wire.value(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"value\":7");
        KafkaTestClient.sendRaw(Topics.progress(Sector.AGRICULTURE), wire.key(), wire.headers(),
                json.replace("\"value\":7", "\"value\":1e1000").getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> dlq = KafkaTestClient.readUntil(Topics.PROGRESS_DEAD_LETTERS,
                Duration.ofSeconds(30), r -> forged.id().equals(KafkaTestClient.header(r, "ce_id")));
        assertThat(KafkaTestClient.header(dlq.get(dlq.size() - 1), "dead-letter-reason"))
                .contains("figures.value is out of range");

        KafkaTestClient.send(report(taskId, "R-" + UUID.randomUUID(), 8)); // same key: after the forged one
        await().atMost(Duration.ofSeconds(20)).until(() -> ReportCount.of(taskId) == 1);
        given().get("/api/supervision/tasks/{id}", FARMLAND).then().statusCode(200);
    }

    /**
     * A forged event on a known task from another sector, or from a unit the task does not name, is parked with its
     * reason and never stored; a co-unit's report on the same task (same key, so read after them) is.
     */
    @Test
    void anEventFromAnotherSectorOrAUnitNotOnTheTaskIsDeadLetteredAndNeverStored() {
        String taskId = "2022-AGR-007"; // lead unit 县农业农村局, co-unit 县财政局; no other test reports on it
        long before = ReportCount.of(taskId);
        Envelope<ProgressReported> otherSector = report(taskId, "R-" + UUID.randomUUID(), 5, "industry", "县农业农村局");
        Envelope<ProgressReported> otherUnit = report(taskId, "R-" + UUID.randomUUID(), 5, "agriculture", "县工业和信息化局");
        Envelope<ProgressReported> coUnit = report(taskId, "R-" + UUID.randomUUID(), 6, "agriculture", "县财政局");
        KafkaTestClient.send(otherSector);
        KafkaTestClient.send(otherUnit);
        KafkaTestClient.send(coUnit);

        assertThat(deadLetterReason(otherSector))
                .isEqualTo("sector industry is not the sector of task 2022-AGR-007 (agriculture)");
        assertThat(deadLetterReason(otherUnit))
                .isEqualTo("unit 县工业和信息化局 is neither the lead unit nor a co-unit of task 2022-AGR-007");
        await().atMost(Duration.ofSeconds(20)).until(() -> ReportCount.of(taskId) == before + 1);
        given().get("/api/supervision/tasks/{id}", taskId).then().statusCode(200)
                .body("progress.history.reportId.flatten()", org.hamcrest.Matchers.hasItem(coUnit.data().reportId()))
                .body("progress.history.reportId.flatten()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        otherSector.data().reportId())))
                .body("progress.history.reportId.flatten()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        otherUnit.data().reportId())));
    }

    /**
     * Only a sector's own service may write its progress topic (the broker's ACLs), so the topic says who sent a
     * record: a well-formed report on an agriculture task that arrives on industry's topic is parked, never stored.
     */
    @Test
    void aReportOnAnotherSectorsTopicIsDeadLetteredAndNeverStored() {
        String taskId = "2022-AGR-007";
        long before = ReportCount.of(taskId);
        Envelope<ProgressReported> wrongTopic = report(taskId, "R-" + UUID.randomUUID(), 5, "agriculture", "县农业农村局");
        EncodedEvent wire = EventCodec.encode(wrongTopic);
        KafkaTestClient.sendRaw(Topics.progress(Sector.INDUSTRY), wire.key(), wire.headers(), wire.value());

        assertThat(deadLetterReason(wrongTopic)).isEqualTo(
                "task 2022-AGR-007 is not a task of industry, whose topic duban.progress.industry.v1 it came on");
        KafkaTestClient.send(report(taskId, "R-" + UUID.randomUUID(), 6, "agriculture", "县财政局"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ReportCount.of(taskId) == before + 1);
        given().get("/api/supervision/tasks/{id}", taskId).then().statusCode(200)
                .body("progress.history.reportId.flatten()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        wrongTopic.data().reportId())));
    }

    private static String deadLetterReason(Envelope<?> event) {
        List<ConsumerRecord<String, byte[]>> dlq = KafkaTestClient.readUntil(Topics.PROGRESS_DEAD_LETTERS,
                Duration.ofSeconds(30), r -> event.id().equals(KafkaTestClient.header(r, "ce_id")));
        return KafkaTestClient.header(dlq.get(dlq.size() - 1), "dead-letter-reason");
    }

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProgressIntake intake;

    /**
     * A crash after parking but before the offset commit redelivers the batch: the unreadable record must not be
     * parked a second time, and the good report beside it is still stored once.
     */
    @Test
    void aBatchRedeliveredAfterACrashParksItsUnreadableRecordOnce() {
        String reportId = "R-" + UUID.randomUUID();
        EncodedEvent good = EventCodec.encode(report(FARMLAND, reportId, 1700));
        long offset = 1_000_000 + (long) (Math.random() * 1_000_000); // a place no real record of the topic holds
        ConsumerRecord<String, byte[]> unreadable = record(offset, FARMLAND, Map.of("ce_specversion", "1.0"),
                "{\"reportId\":".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> readable = record(offset + 1, good.key(), good.headers(), good.value());
        List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();

        for (int delivery = 1; delivery <= 2; delivery++) {
            consumer.consumeAll("supervision.progress", List.of(unreadable, readable), intake::acceptAll,
                    (record, reason) -> parked.add(record));
        }

        assertThat(parked).containsExactly(unreadable);
        given().get("/api/supervision/tasks/{id}", FARMLAND).then()
                .body("progress.history.reportId.flatten().findAll { it == '" + reportId + "' }", hasSize(1));
    }

    /** At-least-once delivery can put one event twice into one poll, and a unit may re-send a report. */
    @Test
    void aBatchHoldingAnEventTwiceAndItsReportUnderANewEventIdStoresTheReportOnce() {
        String reportId = "R-" + UUID.randomUUID();
        EncodedEvent original = EventCodec.encode(report(FARMLAND, reportId, 1800));
        EncodedEvent resent = EventCodec.encode(report(FARMLAND, reportId, 1800)); // a new event id, the same report
        assertThat(resent.headers().get("ce_id")).isNotEqualTo(original.headers().get("ce_id"));
        long offset = 2_000_000 + (long) (Math.random() * 1_000_000);
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                record(offset, original.key(), original.headers(), original.value()),
                record(offset + 1, original.key(), original.headers(), original.value()),
                record(offset + 2, resent.key(), resent.headers(), resent.value()));

        consumer.consumeAll("supervision.progress", batch, intake::acceptAll, (record, reason) -> {
            throw new AssertionError("nothing here is unreadable: " + reason);
        });

        given().get("/api/supervision/tasks/{id}", FARMLAND).then()
                .body("progress.history.reportId.flatten().findAll { it == '" + reportId + "' }", hasSize(1));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, Map<String, String> headers,
            byte[] value) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(Topics.progress(Sector.AGRICULTURE), 0, offset, 1_669_600_000_000L, TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, value, recordHeaders, Optional.empty());
    }
}
