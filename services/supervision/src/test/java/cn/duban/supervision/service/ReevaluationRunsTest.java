package cn.duban.supervision.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.supervision.AsTheOffice;
import cn.duban.supervision.repository.ReevaluationRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, a run's progress: re-evaluations are rows every replica reads, so a run queued or run by another replica
 * is answered here by its id. Another replica is played by rows written as it would write them, under its own name.
 */
@QuarkusTest
class ReevaluationRunsTest extends AsTheOffice {

    @Inject
    Reevaluation reevaluation;

    @Inject
    ReevaluationRuns runs;

    @Test
    void aRunOfAnotherReplicaIsAnsweredHereByItsIdAndCountsAsTheLatest() {
        long id = rowOf("supervision-2:8081", ReevaluationRun.State.DONE, "clock moved to 2022-05-01T09:00+08:00");

        given().get("/api/supervision/admin/evaluations/{id}", id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("reason", equalTo("clock moved to 2022-05-01T09:00+08:00"))
                .body("state", equalTo("DONE")).body("everyTask", equalTo(true))
                .body("evaluated", equalTo(41)).body("unchanged", equalTo(137)).body("failed", equalTo(1))
                .body("requestedAt", notNullValue()).body("startedAt", notNullValue())
                .body("finishedAt", notNullValue()).body("problem", nullValue());
        given().get("/api/supervision/admin/clock").then().statusCode(200)
                .body("evaluation.id", greaterThanOrEqualTo((int) id));
    }

    @Test
    void aRunQueuedHereIsARowWithThisReplicasNameAndItsOutcome() {
        long id = reevaluation.request("test: one replica's run, seen by all").id();

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> given().get("/api/supervision/admin/evaluations/{id}", id)
                .then().statusCode(200).body("state", equalTo("DONE")));
        ReevaluationRun row = QuarkusTransaction.requiringNew().call(() -> ReevaluationRun.findById(id));
        assertThat(row.replica).isEqualTo(runs.replica());
        assertThat(row.state).isEqualTo(ReevaluationRun.State.DONE);
        assertThat(row.finishedAt).isNotNull();
    }

    @Test
    void aRunThatStartsEndsOneAnotherReplicaLeftRunningButNotOneItLeftQueued() {
        String killed = "killed-replica-" + System.nanoTime() + ":8081";
        long running = rowOf(killed, ReevaluationRun.State.RUNNING, "test: running when its replica was killed");
        long queued = rowOf(killed, ReevaluationRun.State.QUEUED, "test: queued when its replica was killed");

        long here = reevaluation.request("test: the next run in the cluster").id();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> given().get("/api/supervision/admin/evaluations/{id}", here)
                .then().statusCode(200).body("state", equalTo("DONE")));

        given().get("/api/supervision/admin/evaluations/{id}", running).then().statusCode(200)
                .body("state", equalTo("FAILED")).body("problem", startsWith("已中断:所在副本在完成前失去了集群的执行权"));
        given().get("/api/supervision/admin/evaluations/{id}", queued).then().statusCode(200)
                .body("state", equalTo("QUEUED"));
        assertThat(runs.endUnfinished(killed, "test: the replica is gone")).as("its queued run, ended as on its restart")
                .isEqualTo(1);
    }

    @Test
    void aReplicaStartingAgainEndsTheRunsItLeftUnfinishedAndAFinishedRunNeverChanges() {
        String restarted = "restarted-replica-" + System.nanoTime() + ":8081";
        long queued = rowOf(restarted, ReevaluationRun.State.QUEUED, "test: queued before a restart");
        long done = rowOf(restarted, ReevaluationRun.State.DONE, "test: done before a restart");

        assertThat(runs.endUnfinished(restarted, ReevaluationRuns.Why.restarted(restarted))).isEqualTo(1);

        given().get("/api/supervision/admin/evaluations/{id}", queued).then().statusCode(200)
                .body("state", equalTo("FAILED")).body("problem", equalTo("已中断:副本 " + restarted + " 重启,由下一次运行补做"))
                .body("finishedAt", notNullValue());
        given().get("/api/supervision/admin/evaluations/{id}", done).then().statusCode(200).body("state", equalTo("DONE"));
        Reevaluation.Run ended = runs.find(queued).orElseThrow();
        runs.record(ended.with(ReevaluationRun.State.DONE, OffsetDateTime.now(), OffsetDateTime.now(), 5, 0, 0, null));
        assertThat(runs.find(queued).orElseThrow().state()).as("a late write of the replica that was restarted")
                .isEqualTo(ReevaluationRun.State.FAILED);
    }

    @Test
    void anUnknownRunIsNotFound() {
        given().get("/api/supervision/admin/evaluations/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    /** A run as another replica writes it: finished ones with their counts. */
    private static long rowOf(String replica, ReevaluationRun.State state, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReevaluationRun row = new ReevaluationRun();
            row.replica = replica;
            row.reason = reason;
            row.requestedAt = OffsetDateTime.parse("2022-05-01T09:00:00+08:00");
            row.state = state;
            if (state != ReevaluationRun.State.QUEUED) {
                row.startedAt = OffsetDateTime.now();
                row.everyTask = true;
            }
            if (row.finished()) {
                row.finishedAt = OffsetDateTime.now();
                row.evaluated = 41;
                row.unchanged = 137;
                row.failed = 1;
            }
            row.persist();
            return row.id;
        });
    }
}
