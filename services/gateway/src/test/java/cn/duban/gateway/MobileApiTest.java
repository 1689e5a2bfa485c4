package cn.duban.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.duban.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import cn.duban.testsupport.SseStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/mobile/me: who I am, my tasks and alerts in pages with ETags, and my alert stream relayed. */
@QuarkusTest
@QuarkusTestResource(GatewayStubs.class)
class MobileApiTest {

    @TestHTTPResource("/api/mobile/me/alerts/stream")
    URI stream;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void whoAmIComesFromTheToken() {
        given().header("Authorization", TestTokens.unitReporter("agri-bureau", "agriculture", "县农业农村局"))
                .get("/api/mobile/me").then().statusCode(200)
                .body("user", equalTo("agri-bureau")).body("name", equalTo("agri-bureau"))
                .body("unit", equalTo("县农业农村局")).body("sector", equalTo("agriculture"))
                .body("post", nullValue()).body("roles", contains("unit-reporter"));
        given().header("X-Forwarded-For", "10.1.0.1").get("/api/mobile/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void myTasksCarryTheirLightTheNextDateOwedAndWhatTheyAskMostUrgentFirst() {
        given().header("Authorization", TestTokens.unitReporter("agri-bureau", "agriculture", "县农业农村局"))
                .get("/api/mobile/me/tasks").then()
                .statusCode(200).body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20))
                // both ask something; the red one comes first
                .body("items.id", contains("9001-AGR-002", "9001-AGR-001"))
                .body("items[0].light", equalTo("RED")).body("items[0].sector", equalTo("agriculture"))
                .body("items[0].next.date", equalTo("2022-06-30")).body("items[0].next.what", equalTo("deadline"))
                // not acknowledged; the acknowledged overdue alert still stands; nothing reported in October
                .body("items[0].asks.kind", contains("acknowledge", "alert", "report"))
                .body("items[0].asks[1].rule", equalTo("OVERDUE")).body("items[0].asks[2].month", equalTo("2022-10"))
                // 开工 was reached; of the open milestones 投产 comes first.
                .body("items[1].light", equalTo("YELLOW"))
                .body("items[1].next.date", equalTo("2022-10-31")).body("items[1].next.milestone", equalTo("投产"))
                .body("items[1].next.what", equalTo("milestone"))
                // acknowledged and reported this month; the open alert and the reminder after the last report remain
                .body("items[1].asks.kind", contains("alert", "reminder"))
                .body("items[1].asks[0].alertId", equalTo("a-1")).body("items[1].asks[1].message", equalTo("请加快投产进度"));
    }

    /** The co-unit has not acknowledged nor reported; the alert was raised for the lead unit, the reminder for both. */
    @Test
    void anotherUnitIsAskedOnlyWhatConcernsIt() {
        given().header("Authorization", TestTokens.unitReporter("finance", "reform", "县财政局"))
                .get("/api/mobile/me/tasks").then().statusCode(200)
                .body("items.find { it.id == '9001-AGR-001' }.asks.kind", contains("acknowledge", "reminder", "report"));
    }

    @Test
    void myTasksComeInPagesOfTheUrgencyOrder() {
        given().header("Authorization", TestTokens.as("pager").roles("sector-reporter").claim("sector", "agriculture").bearer())
                .queryParam("page", 1).queryParam("size", 1).get("/api/mobile/me/tasks").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items", hasSize(1)).body("items[0].id", equalTo("9001-AGR-001"));
    }

    @Test
    void anUnchangedAnswerIsA304() {
        String token = TestTokens.as("etagger").roles("unit-reporter").claim("unit", "县农业农村局").bearer();
        String etag = given().header("Authorization", token).get("/api/mobile/me/alerts").then().statusCode(200)
                .body("items[0].id", equalTo("a-1")).body("items[0].level", equalTo(1))
                .body("items[0].units", nullValue()).body("items[0].mayAcknowledge", equalTo(true))
                .extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        String body = given().header("Authorization", token).header("If-None-Match", etag).get("/api/mobile/me/alerts")
                .then().statusCode(304).header("ETag", etag).extract().asString();
        assertThat(body).isEmpty();
        given().header("Authorization", token).header("If-None-Match", "\"something-else\"").get("/api/mobile/me/alerts")
                .then().statusCode(200);
    }

    @Test
    void myAlertStreamIsRelayedAsItComesAndResumesAfterTheLastId() {
        String bearer = TestTokens.as("streamer").roles("unit-reporter").claim("unit", "县农业农村局").bearer();
        try (SseStream mine = SseStream.open(stream, Map.of("Authorization", bearer, "Last-Event-ID", "41"))) {
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !mine.messages().isEmpty());
            assertThat(mine.messages().get(0)).isEqualTo(new SseStream.Event("42", "message", GatewayStubs.REMINDER));
            assertThat(mine.comments()).contains("resumed after 41"); // the Last-Event-ID reached supervision
        }
    }

    @Test
    void aFreshStreamsStartIdReachesThePhone() {
        String bearer = TestTokens.as("fresh-streamer").roles("unit-reporter").claim("unit", "县农业农村局").bearer();
        try (SseStream mine = SseStream.open(stream, Map.of("Authorization", bearer))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !mine.messages().isEmpty());
            assertThat(mine.startId()).isEqualTo("40"); // the id of the opening comment, which has no data
            assertThat(mine.lastEventId()).isEqualTo("42");
        }
    }
}
