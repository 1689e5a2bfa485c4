package cn.duban.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A 领导批示 and 督办通知单 through their whole lives across the running services (docs/papers.md): issued at
 * supervision, seen in the unit's inbox at its sector service, received and answered through the gateway as the
 * phone app does, or left unanswered until they turn overdue and escalate.
 */
class PapersJourneyTest extends OnTheRunningSuite {
    static final String COKE = "2022-IND-010";
    static final String BUREAU = "县工业和信息化局";

    @AfterAll
    static void backToTheDemoStart() {
        AlertJourneyTest.clock("2022-03-01T09:00:00+08:00");
    }

    static String supervision(String path) {
        return suite.url("supervision") + "/api/supervision/tasks/" + COKE + path;
    }

    /** What the phone app calls: the gateway, the one origin. */
    static String gateway(String path) {
        return suite.url(RunningSuite.GATEWAY) + "/api/supervision/tasks/" + COKE + path;
    }

    static io.restassured.response.ValidatableResponse inbox() {
        return ReportJourneyTest.as("industry-bureau").queryParam("unit", BUREAU)
                .get(suite.url("industry") + "/api/industry/alerts").then().statusCode(200);
    }

    @Test
    void aNoticeIsIssuedSeenReceivedAndAnsweredAndAnotherLeftUnansweredEscalates() {
        AlertJourneyTest.clock("2022-06-01T09:00:00+08:00");
        String number = ReportJourneyTest.as("supervisor").contentType(ContentType.JSON)
                .body(Map.of("late", "焦化项目建设进度滞后", "requirement", "请报送整改方案", "replyBy", "2022-06-03"))
                .post(supervision("/notices")).then().statusCode(201).extract().path("number");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> inbox()
                .body("papers.find { it.reference == '" + number + "' }.state", equalTo("ISSUED")));

        ReportJourneyTest.as("industry-bureau").post(gateway("/notices/" + number + "/receive")).then().statusCode(200)
                .body("state", equalTo("RECEIVED"));
        ReportJourneyTest.as("industry-bureau").contentType(ContentType.JSON).body(Map.of("reply", "已制定整改方案"))
                .post(gateway("/notices/" + number + "/reply")).then().statusCode(200).body("state", equalTo("REPLIED"));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> inbox()
                .body("papers.reference", not(hasItem(number))));

        String silent = ReportJourneyTest.as("supervisor").contentType(ContentType.JSON)
                .body(Map.of("late", "焦化项目未报送进度", "requirement", "请报送进度", "replyBy", "2022-06-03"))
                .post(supervision("/notices")).then().statusCode(201).extract().path("number");
        AlertJourneyTest.clock("2022-06-04T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            ReportJourneyTest.as("leader").get(supervision("/notices/" + silent)).then().statusCode(200)
                    .body("state", equalTo("OVERDUE")).body("escalatedTo", equalTo("分管工业工作的副县长"));
            inbox().body("papers.find { it.reference == '" + silent + "' }.state", equalTo("OVERDUE"));
        });
        ReportJourneyTest.as("leader").get(supervision("/notices/" + silent + ".pdf")).then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void aLeadersInstructionIsAcknowledgedAnsweredAndAnotherTurnsOverdue() {
        AlertJourneyTest.clock("2022-06-01T09:00:00+08:00");
        String id = ReportJourneyTest.as("leader").contentType(ContentType.JSON)
                .body(Map.of("text", "焦化项目要倒排工期，6月10日前报告投产计划", "dueOn", "2022-06-10"))
                .post(supervision("/instructions")).then().statusCode(201).body("leaderPost", equalTo("分管工业工作的副县长"))
                .extract().path("id");
        String late = ReportJourneyTest.as("leader").contentType(ContentType.JSON)
                .body(Map.of("text", "请报告安全生产检查情况", "dueOn", "2022-06-02"))
                .post(supervision("/instructions")).then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> inbox()
                .body("papers.find { it.reference == '" + id + "' }.kind", equalTo("INSTRUCTION"))
                .body("papers.find { it.reference == '" + late + "' }.state", equalTo("ISSUED")));

        ReportJourneyTest.as("industry-bureau").post(gateway("/instructions/" + id + "/acknowledge")).then()
                .statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
        ReportJourneyTest.as("industry-bureau").contentType(ContentType.JSON).body(Map.of("answer", "投产计划已报县政府"))
                .post(gateway("/instructions/" + id + "/answer")).then().statusCode(200).body("state", equalTo("ANSWERED"));

        AlertJourneyTest.clock("2022-06-03T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            ReportJourneyTest.as("leader").get(supervision("/instructions")).then().statusCode(200)
                    .body("items.find { it.id == '" + late + "' }.overdue", equalTo(true));
            inbox().body("papers.reference", not(hasItem(id)))
                    .body("papers.find { it.reference == '" + late + "' }.state", equalTo("OVERDUE"));
        });
        ReportJourneyTest.as("leader").get(suite.url("supervision") + "/api/supervision/tasks/" + COKE).then()
                .statusCode(200).body("audit.action", hasItem("instruction.overdue"))
                .body("audit.action", hasItem("instruction.answered"));
        ReportJourneyTest.as("leader").get(suite.url("supervision") + "/api/supervision/bulletins/2022-W22").then()
                .statusCode(200).body("instructions.find { it.id == '" + late + "' }.overdue", equalTo(true));
    }
}
