package cn.duban.supervision.service;

import cn.duban.supervision.repository.Task;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/** Re-evaluates the whole ledger: on a schedule (time alone can make a task slip) and when the clock moves. */
@ApplicationScoped
public class Reevaluation {

    @Inject
    TaskEvaluation evaluation;

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "${duban.evaluation.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public void all() {
        // Many rows in one transaction: flushing before every query would re-check them all each time.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        Task.<Task>listAll().forEach(evaluation::evaluate);
    }
}
