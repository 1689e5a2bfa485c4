package cn.duban.supervision.service;

import static io.restassured.RestAssured.given;

import cn.duban.events.Envelope;
import cn.duban.events.EventPayload;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.supervision.ClockMoves;
import cn.duban.testsupport.KafkaTestClient;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 2022 Pingyao seed ledger as the scenario tests meet it through the API ({@link SeedTask} names the tasks they
 * follow): how they move the business clock, read a task, and write and send a unit's event.
 */
final class SeedLedger {
    private SeedLedger() {
    }

    static void clock(String now) {
        ClockMoves.moveTo(now);
    }

    static JsonPath task(String id) {
        return given().get("/api/supervision/tasks/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> openAlert(JsonPath task, String rule) {
        List<Map<String, Object>> alerts = task.getList("alerts");
        return alerts.stream().filter(a -> rule.equals(a.get("rule")) && !"RESOLVED".equals(a.get("state")))
                .findFirst().orElse(null);
    }

    /** A report by the task's lead unit as of {@code asOf} (YYYY-MM-DD), sent by its sector's service. */
    static ProgressReported report(SeedTask task, String asOf, List<Figure> figures, BigDecimal investment,
            List<String> milestones, Integer percent) {
        return new ProgressReported("R-" + UUID.randomUUID(), task.id(), task.sector(), task.leadUnit(),
                LocalDate.parse(asOf), figures, investment, percent, milestones, "测试", null, null,
                List.of("https://example.org/e.jpg"), false, OffsetDateTime.now(), task.sector(), null, null);
    }

    static void send(EventPayload payload) {
        KafkaTestClient.send(Envelope.of("test", "test", OffsetDateTime.now(), payload));
    }
}
