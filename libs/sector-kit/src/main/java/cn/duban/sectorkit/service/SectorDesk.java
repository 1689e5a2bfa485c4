package cn.duban.sectorkit.service;

import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.EventPayload;
import cn.duban.events.EventType;
import cn.duban.events.Sector;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.platform.messaging.Outbox;
import cn.duban.platform.rest.DubanException;
import cn.duban.platform.rest.Problem.FieldError;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.repository.SectorStore;
import cn.duban.sectorkit.repository.Submission;
import cn.duban.sectorkit.rest.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The department's desk: what a unit may submit on a task assigned to it, and who may (SectorAccess). Each accepted submission is stored
 * with its event in the outbox in one transaction, so it reaches supervision if and only if it was accepted.
 */
@ApplicationScoped
public class SectorDesk {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    SectorConfig config;

    @Inject
    Instance<SectorRules> ownRules;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    SectorStore store;

    @Inject
    SectorAccess access;

    public Requests.ReportAccepted report(String taskId, Requests.Progress body, String idempotencyKey, String actor) {
        access.checkMayActOn(taskId);
        return inTransaction(() -> idempotency.once(idempotencyKey, "progress " + taskId + " by " + actor, body,
                Requests.ReportAccepted.class, () -> {
                    AssignedTask task = task(taskId);
                    String unit = unit(task, body.unit());
                    List<FieldError> errors = new ArrayList<>(ReportChecks.check(task, body, LocalDate.now(ZONE)));
                    errors.addAll(ReportChecks.configured(task, body, config.rules()));
                    ownRules.forEach(rule -> errors.addAll(rule.check(task, body)));
                    if (!errors.isEmpty()) {
                        throw DubanException.invalidFields(errors);
                    }
                    if (body.correctionOf() != null && store.submission(body.correctionOf()).isEmpty()) {
                        throw DubanException.invalidFields(List.of(new FieldError("correctionOf",
                                "no report " + body.correctionOf() + " on " + taskId)));
                    }
                    List<FieldError> conflicts = ReportChecks.cumulative(body, lastReport(taskId));
                    if (!conflicts.isEmpty()) {
                        throw DubanException.conflictingFields("correction-required", conflicts);
                    }
                    List<FieldError> unconfirmed = ReportChecks.farPastTarget(task, body, config.confirmAbove());
                    if (!unconfirmed.isEmpty()) {
                        throw DubanException.conflictingFields("confirmation-required", unconfirmed);
                    }
                    String reportId = newId("R");
                    ProgressReported payload = new ProgressReported(reportId, taskId, config.name(), unit, body.asOf(),
                            body.figures() == null ? List.of()
                                    : body.figures().stream().map(f -> new Figure(f.metric(), f.value())).toList(),
                            body.investment(), body.percent(), body.milestonesReached(), body.narrative(),
                            body.problems(), body.nextSteps(), body.evidence(), Boolean.TRUE.equals(body.completed()),
                            OffsetDateTime.now(ZONE), actor, body.correctionOf(), body.correctionReason());
                    String eventId = submit(reportId, unit, actor, payload);
                    return new Requests.ReportAccepted(reportId, eventId);
                }));
    }

    public Requests.Acknowledged acknowledge(String taskId, Requests.Acknowledge body, String idempotencyKey,
            String actor) {
        access.checkMayActOn(taskId);
        return inTransaction(() -> idempotency.once(idempotencyKey, "acknowledge " + taskId + " by " + actor, body,
                Requests.Acknowledged.class, () -> {
                    AssignedTask task = task(taskId);
                    String unit = unit(task, body == null ? null : body.unit());
                    var earlier = store.submission("A-" + taskId + "-" + unit);
                    if (earlier.isPresent()) {
                        return new Requests.Acknowledged(taskId, unit, earlier.get().eventId); // 签收 once; again is a no-op
                    }
                    AssignmentAcknowledged payload = new AssignmentAcknowledged(taskId, unit, OffsetDateTime.now(ZONE),
                            actor);
                    String eventId = submit("A-" + taskId + "-" + unit, unit, actor, payload);
                    return new Requests.Acknowledged(taskId, unit, eventId);
                }));
    }

    public Requests.ExtensionAccepted requestExtension(String taskId, Requests.Extension body, String idempotencyKey,
            String actor) {
        access.checkMayActOn(taskId);
        return inTransaction(() -> idempotency.once(idempotencyKey, "extension " + taskId + " by " + actor, body,
                Requests.ExtensionAccepted.class, () -> {
                    AssignedTask task = task(taskId);
                    String unit = unit(task, body.unit());
                    if (!body.requestedDeadline().isAfter(task.deadline)) {
                        throw DubanException.invalidFields(List.of(new FieldError("requestedDeadline",
                                "must be after the current deadline " + task.deadline)));
                    }
                    String requestId = newId("X");
                    String eventId = submit(requestId, unit, actor, new ExtensionRequested(requestId, taskId, unit,
                            body.requestedDeadline(), body.reason(), OffsetDateTime.now(ZONE), actor));
                    return new Requests.ExtensionAccepted(requestId, eventId);
                }));
    }

    public Requests.ClaimAccepted claimCompletion(String taskId, Requests.CompletionClaim body, String idempotencyKey,
            String actor) {
        access.checkMayActOn(taskId);
        return inTransaction(() -> idempotency.once(idempotencyKey, "completion " + taskId + " by " + actor, body,
                Requests.ClaimAccepted.class, () -> {
                    AssignedTask task = task(taskId);
                    String unit = unit(task, body.unit());
                    if (body.completedOn().isAfter(LocalDate.now(ZONE))) {
                        throw DubanException.invalidFields(List.of(new FieldError("completedOn", "must not be in the future")));
                    }
                    String claimId = newId("C");
                    String eventId = submit(claimId, unit, actor, new CompletionClaimed(claimId, taskId, unit,
                            body.completedOn(), body.narrative(), body.evidence(), OffsetDateTime.now(ZONE), actor));
                    return new Requests.ClaimAccepted(claimId, eventId);
                }));
    }

    /** A task of this sector; another sector's task is refused with the address where it belongs. */
    public AssignedTask task(String taskId) {
        Sector owner = Sector.ofTaskId(taskId).orElse(null);
        if (owner != null && !owner.id().equals(config.name())) {
            throw DubanException.refused(400, "wrong-sector", "Task of another sector", taskId + " is a task of "
                    + owner.id() + ", not " + config.name() + "; report it at /api/" + owner.id() + "/tasks/" + taskId);
        }
        AssignedTask task = store.task(taskId).orElseThrow(
                () -> DubanException.notFound("no task " + taskId + " is assigned in " + config.name()));
        if (task.closed) {
            throw DubanException.conflict(taskId + " is closed (verified by the office); nothing more can be submitted");
        }
        return task;
    }

    /** The unit the caller submits for (see {@link SectorAccess#submittingUnit}), which must be on the task. */
    private String unit(AssignedTask task, String requested) {
        String unit = access.submittingUnit(task, requested);
        if (!task.involves(unit)) {
            throw DubanException.invalidFields(List.of(new FieldError("unit", unit + " is neither lead unit nor co-unit of "
                    + task.id)));
        }
        return unit;
    }

    private String submit(String id, String unit, String actor, EventPayload payload) {
        Envelope<EventPayload> event = Envelope.of(config.name(), actor, OffsetDateTime.now(ZONE), payload);
        Submission submission = new Submission();
        submission.id = id;
        submission.eventId = event.id();
        submission.taskId = payload.taskId();
        submission.kind = payload.getClass().getSimpleName();
        submission.unit = unit;
        submission.payload = EventCodec.json().valueToTree(payload);
        submission.createdBy = actor;
        submission.createdAt = event.time();
        store.add(submission);
        outbox.publish(event);
        return event.id();
    }

    private ProgressReported lastReport(String taskId) {
        return store.submissions(taskId, EventType.PROGRESS_REPORTED.payloadClass().getSimpleName()).stream()
                .findFirst().map(s -> EventCodec.json().convertValue(s.payload, ProgressReported.class)).orElse(null);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** One transaction; a concurrent twin with the same Idempotency-Key is retried once and then replays. */
    private static <T> T inTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (PersistenceException e) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
    }
}
