package cn.duban.supervision.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Time alone moves the papers on: notices past their 时限 escalate, instructions past their date become overdue,
 * and on Monday morning the weekly bulletin goes out. Checked often (a few indexed queries), so a move of the demo
 * clock takes effect within the interval; each step is its own transaction, and the next run retries a failed one.
 */
@ApplicationScoped
public class PaperDeadlines {
    private static final Logger LOG = Logger.getLogger(PaperDeadlines.class);

    @Inject
    NoticeDesk notices;

    @Inject
    InstructionDesk instructions;

    @Inject
    BulletinDelivery delivery;

    @Inject
    ClusterJobs cluster;

    @Scheduled(every = "${duban.papers.check-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        cluster.runAlone("paper-deadlines", () -> { // one replica at a time: each step reads, then writes events
            step("notices", () -> notices.escalateOverdue());
            step("instructions", () -> instructions.markOverdue());
            step("the weekly bulletin", () -> delivery.sendDue());
        });
    }

    private static void step(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "checking %s failed; the next run retries", what);
        }
    }
}
