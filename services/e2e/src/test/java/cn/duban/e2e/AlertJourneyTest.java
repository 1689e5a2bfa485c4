package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An alert raised at supervision reaches the responsible unit in its own sector service. */
class AlertJourneyTest {
    static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        suite = RunningSuite.get();
    }

    @AfterAll
    static void backToTheDemoStart() {
        clock("2022-03-01T09:00:00+08:00");
    }

    @Test
    void theCokeProjectsOverdueAlertShowsInTheIndustryService() {
        clock("2022-11-01T09:00:00+08:00");

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().get(suite.url("industry") + "/api/industry/tasks/2022-IND-010").then().statusCode(200)
                        .body("light", equalTo("RED")).body("openAlerts.rule", hasItem("OVERDUE")));
        given().queryParam("unit", "县工业和信息化局").get(suite.url("industry") + "/api/industry/alerts")
                .then().statusCode(200).body("items.taskId", hasItem("2022-IND-010"));
    }

    static void clock(String now) {
        given().contentType(ContentType.JSON).body(Map.of("now", now))
                .post(suite.url("supervision") + "/api/supervision/admin/clock").then().statusCode(200);
    }
}
