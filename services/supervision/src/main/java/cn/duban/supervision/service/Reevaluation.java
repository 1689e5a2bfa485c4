package cn.duban.supervision.service;

import cn.duban.supervision.repository.Task;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Re-evaluates the whole ledger: on a schedule (time alone can make a task slip) and when the clock moves. */
@ApplicationScoped
public class Reevaluation {

    @Inject
    TaskEvaluation evaluation;

    @Scheduled(every = "${duban.evaluation.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void all() {
        Task.<Task>streamAll().forEach(evaluation::evaluate);
    }
}
