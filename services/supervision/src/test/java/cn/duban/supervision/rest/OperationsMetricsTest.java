package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import cn.duban.supervision.ClockMoves;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator scrapes from /q/metrics (docs/operations.md), after the actions that should move it. */
@QuarkusTest
class OperationsMetricsTest extends AsTheOfficeOnTheDemoClock {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    @Test
    void metricsAreOpenWithoutATokenAndCoverHttpKafkaAndTheOutbox() {
        given().get("/api/supervision/tasks/{id}", "2022-AGR-003").then().statusCode(200);
        TestTokens.actAs(null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(sum(metrics, "http_server_requests_seconds_count",
                    Map.of("uri", "/api/supervision/tasks/{id}", "status", "200"))).isGreaterThanOrEqualTo(1);
            assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max{");
            assertThat(sum(metrics, "duban_outbox_backlog", Map.of())).isNotNaN();
            assertThat(metrics).contains("duban_outbox_oldest_age_seconds ");
        });
    }

    @Test
    void alertsRaisedByAClockMoveAreCountedAndTheOpenOnesMatchTheLedger() {
        clock("2022-03-01T09:00:00+08:00");
        double raisedBefore = sum(scrape(), "duban_alerts_raised_total", Map.of());
        double redBefore = sum(scrape(), "duban_alerts_raised_total", Map.of("rule", "MILESTONE_OVERDUE", "light", "RED"));

        clock("2022-06-01T09:00:00+08:00");

        String metrics = scrape();
        assertThat(sum(metrics, "duban_alerts_raised_total", Map.of())).isGreaterThan(raisedBefore);
        assertThat(sum(metrics, "duban_alerts_raised_total", Map.of("rule", "MILESTONE_OVERDUE", "light", "RED")))
                .isGreaterThan(redBefore);
        int unresolvedRed = unresolved("RED");
        assertThat(unresolvedRed).isPositive();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sum(scrape(), "duban_alerts_open", Map.of("light", "RED"))).isEqualTo(unresolvedRed));
        // every alert event went out: the relay drained the outbox it measures
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = scrape();
            assertThat(sum(now, "duban_outbox_backlog", Map.of())).isZero();
            assertThat(sum(now, "duban_outbox_oldest_age_seconds", Map.of())).isZero();
        });
    }

    @Test
    void anUnreadableEventIsCountedAsDeadLetteredByTopicAndReason() {
        Map<String, String> series = Map.of("topic", Topics.progress(Sector.AGRICULTURE), "reason", "malformed");
        double before = sum(scrape(), "duban_dlq_events_total", series);

        // no ce_specversion: not a CloudEvent at all
        KafkaTestClient.sendRaw(Topics.progress(Sector.AGRICULTURE), "2022-AGR-003", Map.of("ce_id", UUID.randomUUID().toString()),
                "not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sum(scrape(), "duban_dlq_events_total", series)).isEqualTo(before + 1));
    }

    private static String scrape() {
        return given().header("Authorization", "").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the samples of one metric whose labels include the given ones; 0 when there is none. A sample
     * may carry an OpenMetrics exemplar (the trace of one observation) after its value.
     */
    static double sum(String exposition, String metric, Map<String, String> labels) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            int exemplar = line.indexOf(" # ");
            Matcher m = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
            if (!m.matches() || !m.group(1).equals(metric)) {
                continue;
            }
            String found = m.group(3) == null ? "" : m.group(3);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }

    private static int unresolved(String light) {
        return given().queryParam("light", light).queryParam("state", "OPEN").get("/api/supervision/alerts")
                .then().statusCode(200).extract().jsonPath().getInt("total")
                + given().queryParam("light", light).queryParam("state", "ACKNOWLEDGED").get("/api/supervision/alerts")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private static void clock(String now) {
        ClockMoves.moveTo(now);
    }
}
