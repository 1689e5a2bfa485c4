package cn.duban.supervision.service;

import cn.duban.supervision.repository.Task;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;

/**
 * Re-evaluates the whole ledger: on a schedule (time alone can make a task slip) and when the clock moves. It goes
 * through the ledger in id order a chunk at a time, one transaction each, so memory and lock time stay bounded
 * however large the ledger is; each task's evaluation is whole, and the next run redoes any chunk that failed.
 */
@ApplicationScoped
public class Reevaluation {
    static final int TASKS_PER_TRANSACTION = 1000;
    private static final int SECONDS_PER_TRANSACTION = 300;

    @Inject
    TaskEvaluation evaluation;

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "${duban.evaluation.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void all() {
        String after = "";
        while (after != null) {
            String from = after;
            after = QuarkusTransaction.requiringNew().timeout(SECONDS_PER_TRANSACTION).call(() -> chunkAfter(from));
        }
    }

    /** Evaluates the next tasks after {@code id}; returns the last id done, or null when the ledger is done. */
    private String chunkAfter(String id) {
        // Many rows in one transaction: flushing before every query would re-check them all each time.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        List<Task> tasks = Task.<Task>find("id > ?1 order by id", id).page(0, TASKS_PER_TRANSACTION).list();
        if (tasks.isEmpty()) {
            return null;
        }
        evaluation.evaluateAll(tasks);
        return tasks.get(tasks.size() - 1).id;
    }
}
