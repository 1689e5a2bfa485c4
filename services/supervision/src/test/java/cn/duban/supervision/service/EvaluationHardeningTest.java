package cn.duban.supervision.service;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.duban.events.Topics;
import cn.duban.events.task.TaskUpdated;
import cn.duban.supervision.ClockMoves;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's isolation and source-of-truth findings, through the API: a task that cannot be evaluated does not stop
 * the ledger, a clock move is queued work (never a long or failing HTTP call), and supervision can publish every
 * task's snapshot again — by the office's command, and by itself when the broker is a new cluster.
 */
@QuarkusTest
class EvaluationHardeningTest extends AsTheOfficeOnTheDemoClock {
    private static final String BROKEN = "2022-AGR-005";
    private static final String HEALTHY = "2022-AGR-006";

    @Inject
    AgroalDataSource database;

    @AfterEach
    void mend() throws SQLException {
        sql("update task set planned_start = '2022-01-01', reevaluate_from = null where id = '" + BROKEN + "'");
    }

    @Test
    void aTaskThatCannotBeEvaluatedIsSkippedShownAndCountedWhileTheRestOfTheLedgerMovesOn() throws SQLException {
        // Stored facts the engine refuses (a start after the deadline), as a value stored before today's checks would be;
        // an edit behind the services' back marks the task as every input does
        sql("update task set planned_start = '2023-06-01', reevaluate_from = null where id = '" + BROKEN + "'");

        ClockMoves.moveTo("2022-07-01T09:00:00+08:00");

        long run = given().get("/api/supervision/admin/clock").then().statusCode(200)
                .body("evaluation.state", equalTo("DONE")).body("evaluation.failed", greaterThanOrEqualTo(1))
                .extract().jsonPath().getLong("evaluation.id");
        var done = given().get("/api/supervision/admin/evaluations/{id}", run).then().statusCode(200)
                .extract().jsonPath();
        assertThat(done.getInt("evaluated") + done.getInt("unchanged")).as("gone through").isGreaterThanOrEqualTo(178);
        given().get("/api/supervision/tasks/{id}", BROKEN).then().statusCode(200)
                .body("evaluationProblem", notNullValue());
        given().queryParam("q", "").queryParam("size", 200).get("/api/supervision/tasks").then().statusCode(200)
                .body("items.find { it.id == '" + BROKEN + "' }.evaluationProblem", notNullValue());
        given().get("/api/supervision/tasks/{id}", HEALTHY).then().statusCode(200)
                .body("evaluatedOn", equalTo("2022-07-01")).body("evaluationProblem", nullValue());
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("duban_evaluation_failures_total"));

        sql("update task set planned_start = '2022-01-01', reevaluate_from = null where id = '" + BROKEN + "'");
        ClockMoves.moveTo("2022-07-02T09:00:00+08:00");
        given().get("/api/supervision/tasks/{id}", BROKEN).then().statusCode(200)
                .body("evaluatedOn", equalTo("2022-07-02")).body("evaluationProblem", nullValue());
    }

    @Test
    void clockMovesAreQueuedAndOneTaskIsNeverEvaluatedTwiceAtOnce() throws Exception {
        // Many moves at once: each answers 202 at once; the runs go one after the other and none fails on a
        // duplicate open alert (the one-open-alert index), which two evaluations of one task at once used to hit.
        List<CompletableFuture<Integer>> moves = new ArrayList<>();
        String bearer = TestTokens.supervisor();
        for (String day : List.of("2022-06-26", "2022-06-27", "2022-06-28", "2022-06-29", "2022-06-30")) {
            moves.add(CompletableFuture.supplyAsync(() -> given().header("Authorization", bearer)
                    .contentType(ContentType.JSON).body(Map.of("now", day + "T09:00:00+08:00"))
                    .post("/api/supervision/admin/clock").statusCode()));
        }
        for (CompletableFuture<Integer> move : moves) {
            assertThat(move.get()).isEqualTo(202);
        }
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> given().get("/api/supervision/admin/clock").then()
                .statusCode(200).body("evaluation.state", equalTo("DONE")));
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from (select task_id, rule, coalesce(milestone, '') from alert where state <> 'RESOLVED'"
                        + " group by 1, 2, 3 having count(*) > 1) twice")) {
            rs.next();
            assertThat(rs.getLong(1)).as("(task, rule, milestone) with two open alerts").isZero();
        }
    }

    @Test
    void theOfficeCanPublishEveryTaskAgain() {
        int tasks = given().post("/api/supervision/admin/republish").then().statusCode(202)
                .extract().jsonPath().getInt("tasks");
        assertThat(tasks).isGreaterThanOrEqualTo(178);
        Set<String> republished = new HashSet<>();
        KafkaTestClient.readUntil(Topics.TASKS, Duration.ofMinutes(2), record -> {
            if (KafkaTestClient.decode(record).data() instanceof TaskUpdated updated
                    && "republished".equals(updated.reason())) {
                republished.add(updated.task().id());
            }
            return republished.size() >= tasks;
        });
        given().get("/api/supervision/tasks/{id}", HEALTHY).then().statusCode(200)
                .body("audit.size()", greaterThanOrEqualTo(0));
    }

    @Test
    void onANewKafkaClusterSupervisionPublishesEveryTaskAgainByItself() throws SQLException {
        // As if the snapshots had gone to a cluster that is gone (make clean, a new broker): the check notices.
        sql("insert into tasks_topic_mark (id, cluster_id, marked_at) values (1, 'a-cluster-that-is-gone', now())"
                + " on conflict (id) do update set cluster_id = excluded.cluster_id");
        await().atMost(Duration.ofMinutes(2)).until(() -> !"a-cluster-that-is-gone".equals(markedCluster()));
        Set<String> republished = new HashSet<>();
        KafkaTestClient.readUntil(Topics.TASKS, Duration.ofMinutes(2), record -> {
            if (KafkaTestClient.decode(record).data() instanceof TaskUpdated updated
                    && "republished".equals(updated.reason())) {
                republished.add(updated.task().id());
            }
            return republished.size() >= 178;
        });
    }

    private String markedCluster() throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select cluster_id from tasks_topic_mark")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.createStatement().executeUpdate(statement);
        }
    }
}
