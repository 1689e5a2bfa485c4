package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.ProgressReported;
import cn.duban.supervision.repository.Acknowledgement;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * What supervision does with each event from the sector services. A report on a task the ledger does
 * not know is kept all the same (no accepted report is dropped) and counts once the task is imported.
 */
@ApplicationScoped
public class ProgressIntake {
    private static final Logger LOG = Logger.getLogger(ProgressIntake.class);

    @Inject
    TaskEvaluation evaluation;

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(Envelope<?> event) {
        if (event.data() instanceof ProgressReported report) {
            record(event.id(), report);
        } else if (event.data() instanceof AssignmentAcknowledged ack) {
            acknowledge(ack);
        } else {
            LOG.infof("supervision does not act on %s yet (task %s)", event.type().ceType(), event.subject());
        }
    }

    private void record(String eventId, ProgressReported report) {
        if (ProgressReport.findById(report.reportId()) != null) {
            return; // the same report re-sent under a new event id
        }
        ProgressReport.of(eventId, report, OffsetDateTime.now()).persist();
        Task task = Task.findById(report.taskId());
        if (task == null) {
            LOG.warnf("kept report %s for task %s, which is not in the ledger", report.reportId(), report.taskId());
            return;
        }
        evaluation.evaluate(task);
    }

    private void acknowledge(AssignmentAcknowledged ack) {
        Acknowledgement.Key key = new Acknowledgement.Key();
        key.taskId = ack.taskId();
        key.unit = ack.unit();
        if (Acknowledgement.findById(key) != null) {
            return;
        }
        Acknowledgement row = new Acknowledgement();
        row.taskId = ack.taskId();
        row.unit = ack.unit();
        row.acknowledgedAt = ack.acknowledgedAt();
        row.acknowledgedBy = ack.acknowledgedBy();
        row.persist();
    }
}
