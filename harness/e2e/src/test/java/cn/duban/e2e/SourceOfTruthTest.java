package cn.duban.e2e;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.testsupport.LocalInfra;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's split state, reproduced as it was found: the broker loses its data (a new cluster) and a sector service
 * starts on a new, empty database. It used to hold no task at all, for good; supervision now notices the new
 * cluster, publishes every task's snapshot again, and the sector service rebuilds from them.
 * Runs last: it replaces the broker every other journey shares.
 */
@Order(Integer.MAX_VALUE)
class SourceOfTruthTest extends OnTheRunningSuite {

    @Test
    void aSectorServiceOnANewDatabaseAfterTheBrokerLostItsDataGetsAllItsTasksBack() throws Exception {
        List<String> tasks = ReportJourneyTest.as("supervisor").queryParam("sector", "agriculture").queryParam("size", 200)
                .get(suite.url("supervision") + "/api/supervision/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        // before: agriculture holds every one (and may hold more: the topic also carries what earlier test modules
        // published on the same broker)
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(agricultureTasks()).containsAll(tasks));

        LocalInfra.restartKafkaAfresh();
        suite.kill("agriculture");
        LocalInfra.recreateDatabase("agriculture");
        suite.restart("agriculture");

        // after: rebuilt from supervision's snapshots alone, exactly its tasks
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(agricultureTasks()).containsExactlyInAnyOrderElementsOf(tasks));
    }

    private static List<String> agricultureTasks() {
        return ReportJourneyTest.as("agriculture").get(suite.url("agriculture") + "/api/agriculture/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
