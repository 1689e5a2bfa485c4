package cn.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: supervision on two nodes. A second replica of the packaged service joins the first on the same database,
 * broker login and consumer group: both tell the same business time, progress reaches supervision whichever replica
 * holds its partition, and when the second is killed (SIGKILL) its partitions go to the first and no report is lost or
 * stored twice. (The full proof, three replicas under the fault run's load, is issue 21.3.)
 */
class SupervisionReplicasTest extends OnTheRunningSuite {

    @Test
    void twoReplicasShareTheClockAndTheProgressAndKillingOneLosesNoReport() throws Exception {
        String first = suite.url("supervision");
        String replica = suite.startReplica("supervision", 2);
        String second = suite.url(replica);
        String before = office().get(first + "/api/supervision/admin/clock").then().statusCode(200).extract().path("now");
        try {
            // the clock moved at the first replica is the second's within seconds
            office().contentType(ContentType.JSON).body(Map.of("now", "2022-07-01T09:00:00+08:00"))
                    .post(first + "/api/supervision/admin/clock").then().statusCode(202);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> office().get(second + "/api/supervision/admin/clock")
                    .then().statusCode(200).body("now", startsWith("2022-07-01T09:0")));

            // reports while both consume, then after the second is killed: each stored once, none lost
            List<String[]> sent = new ArrayList<>(report(List.of("2022-AGR-010", "2022-AGR-011", "2022-AGR-012")));
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> sent.forEach(r -> assertStoredOnce(second, r)));
            suite.killReplica(replica);
            sent.addAll(report(List.of("2022-AGR-013", "2022-AGR-014", "2022-AGR-016", "2022-AGR-017", "2022-AGR-018")));
            // the dead replica's partitions move to the first once the broker has given up on it (session timeout)
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    sent.forEach(r -> assertStoredOnce(first, r)));
        } finally {
            if (suite.ports().containsKey(replica)) {
                suite.stopReplica(replica); // leaves the consumer group at once: the next test's reports need not wait
            }
            office().contentType(ContentType.JSON).body(Map.of("now", before)).post(first + "/api/supervision/admin/clock")
                    .then().statusCode(202);
        }
    }

    /** One report on each task through the agriculture service; returns (task, reportId) pairs. */
    private static List<String[]> report(List<String> tasks) {
        List<String[]> sent = new ArrayList<>();
        for (String task : tasks) {
            String reportId = ReportJourneyTest.as("agriculture").contentType(ContentType.JSON)
                    // investment suits every kind of task (a percent only those without a quantified target)
                    .body(Map.of("asOf", "2022-06-30", "investment", 10, "confirmed", true,
                            "narrative", "两个副本 " + UUID.randomUUID()))
                    .post(suite.url("agriculture") + "/api/agriculture/tasks/{id}/progress", task)
                    .then().statusCode(202).extract().path("reportId");
            sent.add(new String[] {task, reportId});
        }
        return sent;
    }

    private static void assertStoredOnce(String supervision, String[] report) {
        List<String> ids = office().get(supervision + "/api/supervision/tasks/{id}", report[0]).then().statusCode(200)
                .extract().jsonPath().getList("progress.history.reportId.flatten()");
        assertThat(ids).as("reports of %s", report[0]).containsOnlyOnce(report[1]);
    }

    private static io.restassured.specification.RequestSpecification office() {
        return ReportJourneyTest.as("supervisor");
    }
}
