package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.supervision.repository.Acknowledgement;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ExtensionRequest;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What supervision does with each event from the sector services. The audit trail is kept in business time
 * (the demo's clock is in 2022); each record keeps the unit's own timestamps as well. A report on a task the ledger does
 * not know is kept all the same (no accepted report is dropped) and counts once the task is imported.
 */
@ApplicationScoped
public class ProgressIntake {
    private static final Logger LOG = Logger.getLogger(ProgressIntake.class);

    @Inject
    TaskEvaluation evaluation;

    @Inject
    BusinessClock clock;

    /** Takes the events in order, then evaluates each task they touched once, all together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptAll(List<Envelope<?>> events) {
        Set<String> touched = new LinkedHashSet<>();
        Set<String> known = ProgressReport.knownOf(events.stream().map(Envelope::data)
                .filter(ProgressReported.class::isInstance).map(r -> ((ProgressReported) r).reportId()).toList());
        for (Envelope<?> event : events) {
            if (event.data() instanceof ProgressReported report) {
                record(event.id(), report, known, touched);
            } else if (event.data() instanceof AssignmentAcknowledged ack) {
                acknowledge(ack);
            } else if (event.data() instanceof ExtensionRequested request) {
                requestExtension(request);
            } else if (event.data() instanceof CompletionClaimed claim) {
                claimCompletion(claim, touched);
            } else {
                LOG.infof("supervision does not act on %s yet (task %s)", event.type().ceType(), event.subject());
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        evaluation.evaluate(touched);
    }

    /** @param known the ids of reports stored already; the new one joins them */
    private void record(String eventId, ProgressReported report, Set<String> known, Set<String> touched) {
        if (!known.add(report.reportId())) {
            return; // the same report re-sent under a new event id
        }
        ProgressReport.of(eventId, report, clock.now()).persist();
        AuditEntry.record(clock.now(), actor(report.reportedBy()),
                report.correctionOf() == null ? "progress.reported" : "progress.corrected", report.taskId(),
                report.reportId(), report.correctionOf() == null ? "as of " + report.asOf()
                        : "corrects " + report.correctionOf() + ": " + report.correctionReason());
        touched.add(report.taskId());
    }

    private void requestExtension(ExtensionRequested r) {
        if (ExtensionRequest.findById(r.requestId()) != null) {
            return;
        }
        ExtensionRequest request = new ExtensionRequest();
        request.id = r.requestId();
        request.taskId = r.taskId();
        request.unit = r.unit();
        request.requestedDeadline = r.requestedDeadline();
        request.reason = r.reason();
        request.requestedAt = r.requestedAt();
        request.requestedBy = r.requestedBy();
        request.persist();
        AuditEntry.record(clock.now(), actor(r.requestedBy()), "extension.requested", r.taskId(), r.requestId(),
                r.requestedDeadline() + ": " + r.reason());
    }

    private void claimCompletion(CompletionClaimed c, Set<String> touched) {
        if (CompletionClaim.findById(c.claimId()) != null) {
            return;
        }
        CompletionClaim claim = new CompletionClaim();
        claim.id = c.claimId();
        claim.taskId = c.taskId();
        claim.unit = c.unit();
        claim.completedOn = c.completedOn();
        claim.narrative = c.narrative();
        claim.evidence = c.evidence();
        claim.evidenceFiles = c.evidenceFiles();
        // Business time of receipt: the demo's clock is in 2022 while units' clocks are not.
        claim.claimedAt = clock.now();
        claim.claimedBy = c.claimedBy();
        claim.persist();
        AuditEntry.record(claim.claimedAt, actor(c.claimedBy()), "completion.claimed", c.taskId(), c.claimId(),
                "completed on " + c.completedOn());
        touched.add(c.taskId());
    }

    private static String actor(String by) {
        return by == null ? "unknown" : by;
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
        AuditEntry.record(clock.now(), actor(ack.acknowledgedBy()), "assignment.acknowledged", ack.taskId(),
                ack.unit(), null);
    }
}
