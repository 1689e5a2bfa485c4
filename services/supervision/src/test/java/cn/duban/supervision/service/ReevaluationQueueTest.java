package cn.duban.supervision.service;

import cn.duban.supervision.repository.ReevaluationRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The queue stays this replica's own while the runs are rows every replica reads: a request while a run waits here
 * joins it, a request while one is under way queues the next, and each run is written as it is asked for.
 */
class ReevaluationQueueTest {

    @Test
    void aRequestWhileARunWaitsHereJoinsItAndOneWhileARunIsUnderWayQueuesTheNext() throws InterruptedException {
        CountDownLatch otherReplicaDone = new CountDownLatch(1);
        AtomicInteger turnsTaken = new AtomicInteger();
        Reevaluation reevaluation = RunsInMemory.reevaluationWith(new ClusterJobs() {
            @Override
            public void runInTurn(String name, Runnable work) {
                turnsTaken.incrementAndGet();
                try {
                    // waits its turn as behind another replica's run; the work itself needs the ledger's database
                    otherReplicaDone.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        Reevaluation.Run first = reevaluation.request("clock moved");
        await().atMost(Duration.ofSeconds(10)).untilAtomic(turnsTaken, equalTo(1));
        Reevaluation.Run next = reevaluation.request("clock moved again");
        Reevaluation.Run joined = reevaluation.request("clock moved a third time");

        assertThat(next.id()).as("queued behind the one under way").isNotEqualTo(first.id());
        assertThat(joined).as("joins the run waiting here").isEqualTo(next);
        assertThat(reevaluation.latest()).contains(next);
        assertThat(reevaluation.run(first.id()).orElseThrow().state()).isEqualTo(ReevaluationRun.State.QUEUED);
        otherReplicaDone.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAtomic(turnsTaken, equalTo(2));
        reevaluation.stop();
    }
}
