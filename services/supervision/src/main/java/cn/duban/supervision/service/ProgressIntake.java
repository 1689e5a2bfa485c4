package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.platform.messaging.RejectedEventException;
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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What supervision does with each event from the sector services. The audit trail is kept in business time
 * (the demo's clock is in 2022); each record keeps the unit's own timestamps as well. A report on a task the ledger does
 * not know is kept all the same (no accepted report is dropped) and counts once the task is imported. An event on a
 * known task from another sector, or from a unit that is neither its lead unit nor a co-unit, is rejected: it goes to
 * the dead-letter topic with the reason and changes nothing.
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
        checkAgainstTheirTasks(events);
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

    /**
     * Throws for the first event whose sector or unit is not its task's, which fails the batch; the batch is then
     * applied one event at a time and only that event is dead-lettered (IdempotentConsumer.consumeAll).
     */
    private static void checkAgainstTheirTasks(List<Envelope<?>> events) {
        Set<String> taskIds = events.stream().map(Sender::of).filter(Objects::nonNull).map(Sender::taskId)
                .collect(Collectors.toSet());
        if (taskIds.isEmpty()) {
            return;
        }
        Map<String, Task> tasks = Task.<Task>list("id in ?1", taskIds).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        for (Envelope<?> event : events) {
            Sender sender = Sender.of(event);
            Task task = sender == null ? null : tasks.get(sender.taskId());
            String mismatch = task == null ? null : mismatch(event, sender, task);
            if (mismatch != null) {
                throw new RejectedEventException(mismatch);
            }
        }
    }

    /** The task and the unit an event from a sector service speaks for; {@code null} for another kind of event. */
    private record Sender(String taskId, String unit) {
        static Sender of(Envelope<?> event) {
            if (event.data() instanceof ProgressReported r) {
                return new Sender(r.taskId(), r.unit());
            } else if (event.data() instanceof AssignmentAcknowledged a) {
                return new Sender(a.taskId(), a.unit());
            } else if (event.data() instanceof ExtensionRequested x) {
                return new Sender(x.taskId(), x.unit());
            } else if (event.data() instanceof CompletionClaimed c) {
                return new Sender(c.taskId(), c.unit());
            }
            return null;
        }
    }

    /** Why {@code event} does not belong to {@code task}; {@code null} when it does. */
    private static String mismatch(Envelope<?> event, Sender sender, Task task) {
        if (event.data() instanceof ProgressReported r && !Objects.equals(task.sector, r.sector())) {
            return "sector " + r.sector() + " is not the sector of task " + task.id + " (" + task.sector + ")";
        }
        String unit = sender.unit();
        if (!Objects.equals(task.leadUnit, unit) && (task.coUnits == null || !task.coUnits.contains(unit))) {
            return "unit " + unit + " is neither the lead unit nor a co-unit of task " + task.id;
        }
        return null;
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
        Acknowledgement.Key key = new Acknowledgement.Key(ack.taskId(), ack.unit());
        if (Acknowledgement.findById(key) != null) {
            return;
        }
        Acknowledgement row = new Acknowledgement();
        row.key = key;
        row.acknowledgedAt = ack.acknowledgedAt();
        row.acknowledgedBy = ack.acknowledgedBy();
        row.persist();
        AuditEntry.record(clock.now(), actor(ack.acknowledgedBy()), "assignment.acknowledged", ack.taskId(),
                ack.unit(), null);
    }
}
