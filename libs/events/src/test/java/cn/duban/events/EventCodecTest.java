package cn.duban.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.events.alert.AlertRaised;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2022-09-30T10:15:00+08:00");

    static ProgressReported report(String taskId) {
        return new ProgressReported("r-1", taskId, "agriculture", "县农业农村局", LocalDate.of(2022, 9, 30),
                List.of(new Figure("高标准农田", new BigDecimal("6000"))), new BigDecimal("1200"), null,
                List.of("开工"), "已完成6000亩", "资金到位慢", "加快施工", List.of("https://example.org/photo.jpg"),
                false, NOW, "agriculture", null, null);
    }

    @Test
    void progressGoesToTheTopicOfTheTasksSectorAndItsDeadLettersToOneTopic() {
        assertThat(EventCodec.encode(Envelope.of("culture-tourism", "u", NOW, report("2022-CUL-004"))).topic())
                .isEqualTo("duban.progress.culture-tourism.v1");
        assertThat(Topics.progressTopics()).hasSize(6).allMatch(t -> Topics.deadLetter(t).equals("duban.progress.v1.dlq"));
        assertThat(Topics.sectorOfProgress("duban.progress.urban-construction.v1")).contains(Sector.URBAN_CONSTRUCTION);
        assertThat(Topics.sectorOfProgress(Topics.TASKS)).isEmpty();
        assertThat(Topics.deadLetter(Topics.TASKS)).isEqualTo("duban.tasks.v1.dlq");
        assertThatThrownBy(() -> EventCodec.encode(Envelope.of("agriculture", "u", NOW, report("T-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no sector");
    }

    @Test
    void progressReportRoundTripsWithCloudEventsHeadersAndTaskIdKey() throws Exception {
        Envelope<ProgressReported> sent = Envelope.of("agriculture", "agriculture", NOW, report("2022-AGR-001"));

        EncodedEvent wire = EventCodec.encode(sent);

        assertThat(wire.topic()).as("the sector's own progress topic").isEqualTo("duban.progress.agriculture.v1");
        assertThat(wire.key()).isEqualTo("2022-AGR-001");
        assertThat(wire.headers()).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "duban.ProgressReported.v1")
                .containsEntry("ce_source", "/duban/agriculture")
                .containsEntry("ce_subject", "2022-AGR-001")
                .containsEntry("ce_id", sent.id())
                .containsEntry("content-type", "application/json");
        Envelope<?> received = EventCodec.decode(wire.key(), wire.headers(), wire.value());
        assertThat(received).isEqualTo(sent);
        assertThat(new String(wire.value(), StandardCharsets.UTF_8)).contains("\"asOf\":\"2022-09-30\"", "高标准农田");
    }

    @Test
    void taskAssignedRoundTrips() throws Exception {
        TaskSnapshot task = new TaskSnapshot("2022-CUL-001", 2022, "culture-tourism", "武庙保护修缮",
                "加快推进武庙保护修缮,确保5月底试运行", List.of("三、…", "坚持原汁原味保护古城风貌"), "县文物局",
                List.of("县文化和旅游局"), "分管文化旅游工作的副县长",
                List.of(new Target(Target.INVESTMENT, "万元", new BigDecimal("1500"))),
                List.of(new Milestone("试运行", LocalDate.of(2022, 5, 31))), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31), "MONTHLY", List.of("重点项目"));
        Envelope<TaskAssigned> sent = Envelope.of("supervision", "supervisor", NOW, new TaskAssigned(task));

        EncodedEvent wire = EventCodec.encode(sent);

        assertThat(wire.topic()).isEqualTo(Topics.TASKS);
        assertThat(EventCodec.decode(wire.key(), wire.headers(), wire.value())).isEqualTo(sent);
        assertThat(new String(wire.value(), StandardCharsets.UTF_8)).doesNotContain("\"investment\"");
    }

    @Test
    void fieldsAConsumerDoesNotKnowAreIgnored() throws Exception {
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, report("2022-AGR-001")));
        String newer = new String(wire.value(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"weather\":\"晴\",\"gps\":{\"lat\":37.2},");

        Envelope<?> received = EventCodec.decode(wire.key(), wire.headers(), newer.getBytes(StandardCharsets.UTF_8));

        assertThat(received.data()).isEqualTo(report("2022-AGR-001"));
        assertThat(received.actor()).isEqualTo("system");
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsMalformed() {
        assertThatThrownBy(() -> EventCodec.decode("2022-AGR-001", Map.of(), "{}".getBytes()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_specversion");
    }

    @Test
    void unreadableJsonIsMalformed() {
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, report("2022-AGR-001")));
        assertThatThrownBy(() -> EventCodec.decode(wire.key(), wire.headers(), "{not json".getBytes()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unreadable");
    }

    @Test
    void wrongTypesAreMalformed() {
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, report("2022-AGR-001")));
        String bad = new String(wire.value(), StandardCharsets.UTF_8).replace("\"2022-09-30\"", "\"next tuesday\"");
        assertThatThrownBy(() -> EventCodec.decode(wire.key(), wire.headers(), bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ProgressReported");
    }

    @Test
    void aNegativeFigureIsInvalid() {
        ProgressReported negative = new ProgressReported("r-2", "2022-AGR-001", "agriculture", "县农业农村局",
                LocalDate.of(2022, 9, 30), List.of(new Figure("高标准农田", new BigDecimal("-1"))), null, null, null,
                null, null, null, null, false, NOW, "agriculture", null, null);
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, negative));

        assertThatThrownBy(() -> EventCodec.decode(wire.key(), wire.headers(), wire.value()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("figures.value must not be negative");
    }

    @Test
    void aFigureWithAThousandDigitExponentIsInvalidAndSaysWhy() {
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, report("2022-AGR-003")));
        String json = new String(wire.value(), StandardCharsets.UTF_8).replace("\"value\":6000", "\"value\":1e1000");
        assertThat(json).contains("1e1000");

        assertThatThrownBy(() -> EventCodec.decode(wire.key(), wire.headers(), json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("figures.value is out of range");
    }

    @Test
    void aTargetPastTheQuantityBoundsIsInvalid() {
        TaskSnapshot task = new TaskSnapshot("2022-AGR-003", 2022, "agriculture", "高标准农田", "新建高标准农田6万亩",
                List.of(), "县农业农村局", List.of(), "分管农业农村工作的副县长",
                List.of(new Target("高标准农田", "亩", new BigDecimal("1E+20"))), List.of(), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31), "MONTHLY", List.of());
        EncodedEvent wire = EventCodec.encode(Envelope.of("supervision", null, NOW, new TaskAssigned(task)));

        assertThatThrownBy(() -> EventCodec.decode(wire.key(), wire.headers(), wire.value()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("quantity bounds");
    }

    @Test
    void aKeyThatIsNotTheTaskIdIsMalformed() {
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, report("2022-AGR-001")));
        assertThatThrownBy(() -> EventCodec.decode("2022-IND-001", wire.headers(), wire.value()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("disagree");
    }

    @Test
    void anUnknownTypeIsReportedAsSuchSoConsumersCanSkipIt() {
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", null, NOW, report("2022-AGR-001")));
        Map<String, String> headers = new HashMap<>(wire.headers());
        headers.put("ce_type", "duban.ProgressForecast.v1");
        assertThatThrownBy(() -> EventCodec.decode(wire.key(), headers, wire.value()))
                .isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void alertsTravelOnTheAlertTopic() {
        AlertRaised raised = new AlertRaised("a-1", "2022-IND-007", "OVERDUE", "RED", null, 1,
                List.of("县工业和信息化局"), "deadline 2022-10-31 passed", false, NOW);
        assertThat(EventCodec.encode(Envelope.of("supervision", null, NOW, raised)).topic()).isEqualTo(Topics.ALERTS);
    }

    @Test
    void sectorsAreReadFromTaskIds() {
        assertThat(Sector.ofTaskId("2022-CUL-004")).contains(Sector.CULTURE_TOURISM);
        assertThat(Sector.ofTaskId("2022-XYZ-004")).isEmpty();
        assertThat(Sector.ofTaskId("garbage")).isEmpty();
    }

    @Test
    void ceTimeIsRfc3339EvenOnAWholeMinute() {
        OffsetDateTime onTheMinute = OffsetDateTime.parse("2022-06-01T09:00:00+08:00");
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", "alice", onTheMinute, report("2022-AGR-001")));

        assertThat(wire.headers()).containsEntry(EventCodec.H_TIME, "2022-06-01T09:00:00+08:00");
    }
}
