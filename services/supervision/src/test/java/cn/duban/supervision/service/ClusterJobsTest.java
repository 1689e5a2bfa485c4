package cn.duban.supervision.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: what supervision replicas must agree on lives in the database they share. Another replica is played
 * here by a second database connection: it moves the clock, or holds a job's lock as a replica running it would.
 */
@QuarkusTest
class ClusterJobsTest extends AsTheOfficeOnTheDemoClock {

    @Inject
    AgroalDataSource database;

    @Inject
    ClusterJobs jobs;

    @Test
    void aClockMovedByAnotherReplicaIsTheClockHereWithinSeconds() throws Exception {
        OffsetDateTime there = OffsetDateTime.parse("2022-09-15T10:00:00+08:00");
        try (Connection other = database.getConnection();
             PreparedStatement move = other.prepareStatement("update business_clock set offset_ms = ?, moved_at = now()")) {
            move.setLong(1, Duration.between(OffsetDateTime.now(), there).toMillis());
            assertThat(move.executeUpdate()).as("the demo's clock is shared from the first start").isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/supervision/admin/clock")
                .then().statusCode(200).body("now", startsWith("2022-09-15T10:0")));
    }

    @Test
    void aReevaluationWaitsWhileAnotherReplicaRunsOneThenRuns() throws Exception {
        try (Connection otherReplica = database.getConnection()) {
            lock(otherReplica, "select pg_advisory_lock(?)");
            long run = given().contentType(ContentType.JSON).body(Map.of("now", "2022-03-02T09:00:00+08:00"))
                    .post("/api/supervision/admin/clock").then().statusCode(202).extract().jsonPath().getLong("evaluation.id");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    given().get("/api/supervision/admin/evaluations/{id}", run).then().body("state", equalTo("QUEUED")));
            lock(otherReplica, "select pg_advisory_unlock(?)");
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                    given().get("/api/supervision/admin/evaluations/{id}", run).then().body("state", equalTo("DONE")));
        }
    }

    @Test
    void aJobDueHourlyRunsOnceAnHourHoweverManyReplicasAreScheduledAndNeverTwoAtOnce() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        String job = "test-job-" + System.nanoTime();
        assertThat(jobs.runIfDue(job, Duration.ofHours(1), ran::incrementAndGet)).isTrue();
        assertThat(jobs.runIfDue(job, Duration.ofHours(1), ran::incrementAndGet)).as("a second replica, a minute on").isFalse();
        assertThat(ran).hasValue(1);
        try (Connection otherReplica = database.getConnection();
             PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ClusterJobs.key(job + "-alone"));
            lock.execute();
            assertThat(jobs.runAlone(job + "-alone", ran::incrementAndGet)).as("while another replica runs it").isFalse();
        }
        assertThat(jobs.runAlone(job + "-alone", ran::incrementAndGet)).as("once that replica is gone").isTrue();
        assertThat(ran).hasValue(2);
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ClusterJobs.key("ledger-reevaluation"));
            statement.execute();
        }
    }
}
