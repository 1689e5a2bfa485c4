package cn.duban.supervision.service;

import cn.duban.supervision.repository.ReevaluationRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A re-evaluation whose turn in the cluster cannot be had (the database is away when it would take the lock) ends
 * FAILED with the reason, instead of staying QUEUED for the office to watch forever; the next request queues anew.
 */
class ReevaluationThatCannotStartTest {

    @Test
    void aRunThatCannotTakeItsTurnIsFailedWithTheReasonAndTheNextOneQueuesAnew() {
        Reevaluation reevaluation = RunsInMemory.reevaluationWith(new ClusterJobs() {
            @Override
            public void runInTurn(String name, Runnable work) {
                throw new IllegalStateException("Acquisition timeout while waiting for new connection");
            }
        });

        Reevaluation.Run asked = reevaluation.request("clock moved");
        Reevaluation.Run ended = await().atMost(Duration.ofSeconds(10))
                .until(() -> reevaluation.run(asked.id()).orElseThrow(), run -> run.state() != ReevaluationRun.State.QUEUED);

        assertThat(ended.state()).isEqualTo(ReevaluationRun.State.FAILED);
        assertThat(ended.problem()).startsWith("运行出错").contains("Acquisition timeout");
        assertThat(ended.finishedAt()).isNotNull();
        assertThat(reevaluation.request("clock moved again").id()).isNotEqualTo(asked.id());
        reevaluation.stop();
    }
}
