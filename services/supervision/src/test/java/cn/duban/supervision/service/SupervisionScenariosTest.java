package cn.duban.supervision.service;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import static cn.duban.supervision.service.SeedTask.AVENUE;
import static cn.duban.supervision.service.SeedTask.COKE;
import static cn.duban.supervision.service.SeedTask.FARMLAND;
import static cn.duban.supervision.service.SeedTask.OLD_ESTATES;
import static cn.duban.supervision.service.SeedTask.WUMIAO;
import static cn.duban.supervision.service.SeedLedger.clock;
import static cn.duban.supervision.service.SeedLedger.openAlert;
import static cn.duban.supervision.service.SeedLedger.report;
import static cn.duban.supervision.service.SeedLedger.send;
import static cn.duban.supervision.service.SeedLedger.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.events.Topics;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.events.progress.Figure;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The supervision engine on the 2022 Pingyao ledger, as the office would see it through the API. */
@QuarkusTest
class SupervisionScenariosTest extends AsTheOfficeOnTheDemoClock {
    @Inject
    AgroalDataSource database;

    @Test
    void theSeedLedgerIsEvaluatedInBusinessTimeFromTheStart() throws SQLException {
        // The business clock starts in 2022 and the tests move it about, never to the real today: an alert or audit
        // entry dated within a day of the wall clock was made by a rule that read the wall clock.
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select (select count(*) from alert where raised_at between now() - interval '1 day' and now()"
                        + " + interval '1 day') + (select count(*) from audit_entry where at between now()"
                        + " - interval '1 day' and now() + interval '1 day')")) {
            rs.next();
            assertThat(rs.getLong(1)).as("alerts and audit entries dated at the wall clock").isZero();
        }
    }

    @Test
    void wumiaoWithoutATrialOperationByJuneIsRedUntilItIsReported() {
        clock("2022-06-01T09:00:00+08:00");
        JsonPath task = task(WUMIAO.id());
        assertThat(task.getString("light")).isEqualTo("RED");
        Map<String, Object> alert = openAlert(task, "MILESTONE_OVERDUE");
        assertThat(alert).containsEntry("milestone", "试运行");

        send(report(WUMIAO, "2022-06-01", List.of(), null, List.of("试运行"), null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("taskId", WUMIAO.id())
                .queryParam("rule", "MILESTONE_OVERDUE").get("/api/supervision/alerts")
                .then().body("items.find { it.id == '%s' }.state".formatted(alert.get("id")), equalTo("RESOLVED")));
    }

    @Test
    void sixThousandMuOfSixtyThousandAtTheEndOfSeptemberIsLagging() {
        clock("2022-09-30T18:00:00+08:00");
        send(report(FARMLAND, "2022-09-30", List.of(new Figure("高标准农田", new BigDecimal("6000"))), null, List.of(),
                null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openAlert(task(FARMLAND.id()), "LAGGING")).isNotNull());
        JsonPath task = task(FARMLAND.id());
        assertThat(task.getInt("progress.expectedPercent")).isEqualTo(75);
        assertThat(task.getInt("progress.percent")).isLessThan(55);
    }

    @Test
    void theCokeProjectSlipsFromYellowToRedAndEscalates() {
        clock("2022-10-20T09:00:00+08:00");
        JsonPath october = task(COKE.id());
        assertThat(october.getString("light")).isEqualTo("YELLOW");
        assertThat(openAlert(october, "DUE_SOON")).isNotNull();

        clock("2022-11-01T09:00:00+08:00");
        JsonPath november = task(COKE.id());
        assertThat(november.getString("status")).isEqualTo("OVERDUE");
        assertThat(november.getString("light")).isEqualTo("RED");
        assertThat(openAlert(november, "OVERDUE")).containsEntry("escalationLevel", 1);
        assertThat(openAlert(november, "DUE_SOON")).as("DUE_SOON resolved once overdue").isNull();

        clock("2022-11-05T09:00:00+08:00");
        assertThat(openAlert(task(COKE.id()), "OVERDUE")).containsEntry("escalationLevel", 2);
        clock("2022-11-09T09:00:00+08:00");
        assertThat(openAlert(task(COKE.id()), "OVERDUE")).containsEntry("escalationLevel", 3);

        // To settle a dispute: the task as it stood on 2022-10-25, recomputed from what was recorded by then.
        JsonPath then = given().queryParam("asOf", "2022-10-25").get("/api/supervision/tasks/{id}", COKE.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(then.getString("status")).isEqualTo("AT_RISK");
        assertThat(then.getString("light")).isEqualTo("YELLOW");
        assertThat(openAlert(then, "OVERDUE")).as("not raised yet on 2022-10-25").isNull();
    }

    @Test
    void reEvaluatingTwiceRaisesNothingNew() {
        clock("2022-07-15T09:00:00+08:00");
        int first = given().queryParam("size", 1).get("/api/supervision/alerts").then().extract().path("total");
        clock("2022-07-15T09:00:00+08:00");
        int second = given().queryParam("size", 1).get("/api/supervision/alerts").then().extract().path("total");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndKeepsTheOriginal() {
        String requestId = "X-" + UUID.randomUUID();
        send(new ExtensionRequested(requestId, AVENUE.id(), AVENUE.leadUnit(), LocalDate.of(2022, 12, 31), "征拆滞后",
                OffsetDateTime.now(), AVENUE.sector()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("taskId", AVENUE.id())
                .get("/api/supervision/extensions").then().body("items.id", hasItem(requestId)));
        clock("2022-11-02T09:00:00+08:00");
        assertThat(task(AVENUE.id()).getString("status")).isEqualTo("OVERDUE");

        given().contentType(ContentType.JSON).body("{\"reason\":\"同意延期\"}")
                .post("/api/supervision/extensions/{id}/approve", requestId).then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        JsonPath task = task(AVENUE.id());
        assertThat(task.getString("deadline")).isEqualTo("2022-12-31");
        assertThat(task.getString("originalDeadline")).isEqualTo("2022-10-31");
        assertThat(openAlert(task, "OVERDUE")).as("overdue cleared by the new deadline").isNull();
        assertThat(task.getList("audit.action", String.class)).contains("extension.requested", "extension.approved");
        KafkaTestClient.readUntil(Topics.TASKS, Duration.ofSeconds(20), r -> AVENUE.id().equals(r.key())
                && "duban.TaskUpdated.v1".equals(KafkaTestClient.header(r, "ce_type")));
        given().contentType(ContentType.JSON).body("{\"reason\":\"再批一次\"}")
                .post("/api/supervision/extensions/{id}/approve", requestId).then().statusCode(409);
    }

    @Test
    void onlyAVerifiedClaimCompletesATaskAndItsAlertsResolve() {
        String claimId = "C-" + UUID.randomUUID();
        clock("2022-09-01T09:00:00+08:00");
        send(new CompletionClaimed(claimId, OLD_ESTATES.id(), OLD_ESTATES.leadUnit(), LocalDate.of(2022, 8, 31),
                "10个小区全部完工", List.of("验收报告.pdf"), OffsetDateTime.now(), OLD_ESTATES.sector()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(task(OLD_ESTATES.id()).getString("status")).isEqualTo("COMPLETION_CLAIMED"));

        given().contentType(ContentType.JSON).body("{}").post("/api/supervision/completions/{id}/verify", claimId)
                .then().statusCode(200).body("state", equalTo("VERIFIED"));

        JsonPath task = task(OLD_ESTATES.id());
        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getString("light")).isEqualTo("GREEN");
        assertThat(task.getList("alerts.findAll { it.state != 'RESOLVED' }")).isEmpty();
    }

    @Test
    void everyUnitIsRankedAndEachScoreIsTheSumOfItsTerms() {
        JsonPath board = given().get("/api/supervision/scorecards").then().statusCode(200).extract().jsonPath();
        int units = given().get("/api/supervision/units").then().extract().path("total");
        assertThat(board.getList("units")).hasSize(units);
        List<Map<String, Object>> cards = board.getList("units");
        for (Map<String, Object> card : cards) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> terms = (List<Map<String, Object>>) card.get("terms");
            BigDecimal sum = terms.stream().map(t -> new BigDecimal(t.get("contribution").toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("terms of %s", card.get("name")).isEqualByComparingTo(card.get("score").toString());
        }
        assertThat(board.getList("units.rank", Integer.class)).isSorted();
        assertThat(board.getList("sectors")).hasSize(6);
    }

    @Test
    void theOfficeCanRemindAUnitWithAMessage() {
        given().contentType(ContentType.JSON).body("{\"message\":\"请于本周五前报送武庙修缮进展\"}")
                .post("/api/supervision/tasks/{id}/reminders", WUMIAO.id()).then().statusCode(200);
        KafkaTestClient.readUntil(Topics.ALERTS, Duration.ofSeconds(20), r -> WUMIAO.id().equals(r.key())
                && "duban.ReminderSent.v1".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(task(WUMIAO.id()).getList("audit.action", String.class)).contains("reminder.manual");
    }

    @Test
    void aLeaderAcknowledgesOnlyWhatWasEscalatedToTheirOwnPost() {
        clock("2022-11-01T09:00:00+08:00");
        String alertId = (String) openAlert(task(COKE.id()), "OVERDUE").get("id");
        String industryLeader = TestTokens.leader("分管工业工作的副县长");
        assertThat(offeredToAcknowledge(alertId, industryLeader)).isFalse();
        acknowledge(alertId, industryLeader).statusCode(403); // level 1: still the unit's to answer

        clock("2022-11-05T09:00:00+08:00"); // level 2: escalated to the task's leader
        String agricultureLeader = TestTokens.leader("分管农业农村工作的副县长");
        assertThat(offeredToAcknowledge(alertId, agricultureLeader)).isFalse();
        acknowledge(alertId, agricultureLeader).statusCode(403);
        acknowledge(alertId, TestTokens.sectorReporter("agriculture")).statusCode(403);
        assertThat(offeredToAcknowledge(alertId, industryLeader)).isTrue();
        acknowledge(alertId, industryLeader).statusCode(200).body("acknowledgedBy", equalTo("leader"))
                .body("mayAcknowledge", equalTo(false)); // acknowledged: nothing more to offer
        assertThat(task(COKE.id()).getList("audit.actor", String.class)).contains("leader");
    }

    @Test
    void theUnitAcknowledgesItsAlertAndTheTrailAndTheEventNameWho() {
        clock("2022-11-01T09:00:00+08:00");
        String alertId = (String) openAlert(task(COKE.id()), "OVERDUE").get("id");
        acknowledge(alertId, TestTokens.unitReporter("industry-bureau", "industry", "县工业和信息化局"))
                .statusCode(200).body("acknowledgedBy", equalTo("industry-bureau"));

        assertThat(task(COKE.id()).getList("audit.actor", String.class)).contains("industry-bureau");
        KafkaTestClient.readUntil(Topics.ALERTS, Duration.ofSeconds(20), r -> COKE.id().equals(r.key())
                && "duban.AlertAcknowledged.v1".equals(KafkaTestClient.header(r, "ce_type"))
                && "industry-bureau".equals(KafkaTestClient.header(r, "ce_actor")));
    }

    /** Whether the caller's alert list, and the task page, offer 确认 on this alert (mayAcknowledge). */
    static boolean offeredToAcknowledge(String alertId, String bearer) {
        boolean inList = given().header("Authorization", bearer).queryParam("taskId", COKE.id()).get("/api/supervision/alerts")
                .then().statusCode(200).extract().path("items.find { it.id == '" + alertId + "' }.mayAcknowledge");
        boolean onTaskPage = given().header("Authorization", bearer).get("/api/supervision/tasks/{id}", COKE.id())
                .then().statusCode(200).extract().path("alerts.find { it.id == '" + alertId + "' }.mayAcknowledge");
        assertThat(onTaskPage).as("the task page agrees with the alert list").isEqualTo(inList);
        return inList;
    }

    static io.restassured.response.ValidatableResponse acknowledge(String alertId, String bearer) {
        return given().header("Authorization", bearer).post("/api/supervision/alerts/{id}/acknowledge", alertId).then();
    }
}
