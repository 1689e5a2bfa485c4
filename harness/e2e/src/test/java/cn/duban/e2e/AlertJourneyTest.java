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

/** An alert raised at supervision reaches the responsible unit in its own sector service. */
class AlertJourneyTest extends OnTheRunningSuite {

    @AfterAll
    static void backToTheDemoStart() {
        clock("2022-03-01T09:00:00+08:00");
    }

    @Test
    void theCokeProjectsOverdueAlertShowsInTheIndustryService() {
        // Other journeys move the clock too; start from an industry inbox without the alert, so the one seen
        // below is the one this move raises and not one still on its way to being resolved.
        clock("2022-03-01T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                ReportJourneyTest.as("industry").get(suite.url("industry") + "/api/industry/tasks/2022-IND-010").then().statusCode(200)
                        .body("openAlerts.rule", not(hasItem("OVERDUE"))));

        clock("2022-11-01T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            ReportJourneyTest.as("industry").get(suite.url("industry") + "/api/industry/tasks/2022-IND-010").then().statusCode(200)
                    .body("light", equalTo("RED")).body("openAlerts.rule", hasItem("OVERDUE"));
            ReportJourneyTest.as("industry").queryParam("unit", "县工业和信息化局").get(suite.url("industry") + "/api/industry/alerts")
                    .then().statusCode(200).body("items.taskId", hasItem("2022-IND-010"));
        });

        // The lead unit's staff acknowledges it at supervision; the alert and the trail name who did.
        String alertId = ReportJourneyTest.as("industry-bureau").queryParam("taskId", "2022-IND-010")
                .queryParam("rule", "OVERDUE").queryParam("state", "OPEN")
                .get(suite.url("supervision") + "/api/supervision/alerts").then().statusCode(200)
                .extract().path("items[0].id");
        ReportJourneyTest.as("industry-bureau").post(suite.url("supervision") + "/api/supervision/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("acknowledgedBy", equalTo("industry-bureau"));
        ReportJourneyTest.as("leader").get(suite.url("supervision") + "/api/supervision/tasks/2022-IND-010")
                .then().statusCode(200).body("audit.actor", hasItem("industry-bureau"));
    }

    /** Moves the business clock as the office and waits until the re-evaluation it queued is done. */
    static void clock(String now) {
        long run = ReportJourneyTest.as("supervisor").contentType(ContentType.JSON).body(Map.of("now", now))
                .post(suite.url("supervision") + "/api/supervision/admin/clock").then().statusCode(202)
                .extract().jsonPath().getLong("evaluation.id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                ReportJourneyTest.as("supervisor").get(suite.url("supervision") + "/api/supervision/admin/evaluations/{id}", run)
                        .then().statusCode(200).body("state", equalTo("DONE")));
    }
}
