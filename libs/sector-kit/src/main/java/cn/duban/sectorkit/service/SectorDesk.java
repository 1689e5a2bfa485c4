package cn.duban.sectorkit.service;

import cn.duban.events.CountyTime;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.EventPayload;
import cn.duban.events.EventType;
import cn.duban.events.Sector;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.EvidenceFile;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.platform.messaging.Outbox;
import cn.duban.platform.rest.DubanException;
import cn.duban.platform.rest.BadField;
import cn.duban.text.Text;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.repository.SectorStore;
import cn.duban.sectorkit.repository.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    @Inject
    SectorConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    SectorStore store;

    @Inject
    SectorAccess access;

    @Inject
    EvidenceDesk evidence;

    public Requests.ReportAccepted report(String taskId, Requests.Progress body, String idempotencyKey, String actor) {
        access.checkMayActOn(taskId);
        List<BadField> outOfBounds = ReportChecks.bounds(body);
        if (!outOfBounds.isEmpty()) {
            throw DubanException.invalidFields(outOfBounds); // before the number is hashed, stored or compared
        }
        return inTransaction(() -> idempotency.once(idempotencyKey, "progress " + taskId + " by " + actor, body,
                Requests.ReportAccepted.class, () -> {
                    AssignedTask task = task(taskId);
                    String unit = unit(task, body.unit());
                    List<BadField> errors = new ArrayList<>(ReportChecks.check(task, body, LocalDate.now(CountyTime.ZONE)));
                    errors.addAll(ReportChecks.configured(task, body, config.rules()));
                    // the report covers its month: a photo from long before it is flagged to the office
                    List<EvidenceFile> files = evidence.describe(task, body.evidence(), body.asOf().withDayOfMonth(1), errors);
                    if (!errors.isEmpty()) {
                        throw DubanException.invalidFields(errors);
                    }
                    if (body.correctionOf() != null) {
                        checkCorrects(body.correctionOf(), taskId, unit);
                    }
                    List<BadField> conflicts = ReportChecks.cumulative(body, lastReport(taskId));
                    if (!conflicts.isEmpty()) {
                        throw DubanException.conflictingFields("correction-required", conflicts);
                    }
                    List<BadField> unconfirmed = ReportChecks.farPastTarget(task, body, config.confirmAbove());
                    if (!unconfirmed.isEmpty()) {
                        throw DubanException.conflictingFields("confirmation-required", unconfirmed);
                    }
                    String reportId = newId("R");
                    ProgressReported payload = new ProgressReported(reportId, taskId, config.name(), unit, body.asOf(),
                            body.figures() == null ? List.of()
                                    : body.figures().stream().map(f -> new Figure(f.metric(), f.value())).toList(),
                            body.investment(), body.percent(), body.milestonesReached(), body.narrative(),
                            body.problems(), body.nextSteps(), body.evidence(), Boolean.TRUE.equals(body.completed()),
                            OffsetDateTime.now(CountyTime.ZONE), actor, body.correctionOf(), body.correctionReason(), files);
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
                    AssignmentAcknowledged payload = new AssignmentAcknowledged(taskId, unit, OffsetDateTime.now(CountyTime.ZONE),
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
                        throw DubanException.invalidField("requestedDeadline", "应晚于现在的完成时限 %s",
                                "must be after the current deadline %s", task.deadline);
                    }
                    String requestId = newId("X");
                    String eventId = submit(requestId, unit, actor, new ExtensionRequested(requestId, taskId, unit,
                            body.requestedDeadline(), body.reason(), OffsetDateTime.now(CountyTime.ZONE), actor));
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
                    if (body.completedOn().isAfter(LocalDate.now(CountyTime.ZONE))) {
                        throw DubanException.invalidField("completedOn", "不能晚于今天", "must not be in the future");
                    }
                    // a claim covers the whole task: a photo from long before its planned start is flagged
                    List<BadField> errors = new ArrayList<>();
                    LocalDate start = task.snapshot.plannedStart() != null ? task.snapshot.plannedStart()
                            : body.completedOn().withDayOfYear(1);
                    List<EvidenceFile> files = evidence.describe(task, body.evidence(), start, errors);
                    if (!errors.isEmpty()) {
                        throw DubanException.invalidFields(errors);
                    }
                    String claimId = newId("C");
                    String eventId = submit(claimId, unit, actor, new CompletionClaimed(claimId, taskId, unit,
                            body.completedOn(), body.narrative(), body.evidence(), OffsetDateTime.now(CountyTime.ZONE), actor, files));
                    return new Requests.ClaimAccepted(claimId, eventId);
                }));
    }

    /** A task of this sector; another sector's task is refused with the address where it belongs. */
    public AssignedTask task(String taskId) {
        Sector owner = Sector.ofTaskId(taskId).orElse(null);
        if (owner != null && !owner.id().equals(config.name())) {
            throw DubanException.refused(400, "wrong-sector", Text.of("其他领域的任务", "Task of another sector"), Text.of(
                    "%1$s 是 %2$s 领域的任务,不是 %3$s 的；请到 /api/%2$s/tasks/%1$s 填报",
                    "%1$s is a task of %2$s, not %3$s; report it at /api/%2$s/tasks/%1$s", taskId, owner.id(), config.name()));
        }
        AssignedTask task = store.task(taskId).orElseThrow(
                () -> DubanException.notFound("%s 没有交办任务 %s", "no task %2$s is assigned in %1$s", config.name(), taskId));
        if (task.closed) {
            throw DubanException.conflict("任务 %s 已由督查室核验销号,不能再提交",
                    "%s is closed (verified by the office); nothing more can be submitted", taskId);
        }
        return task;
    }

    /** The unit the caller submits for (see {@link SectorAccess#submittingUnit}), which must be on the task. */
    private String unit(AssignedTask task, String requested) {
        String unit = access.submittingUnit(task, requested);
        if (!task.involves(unit)) {
            throw DubanException.invalidField("unit", "%s 既不是任务 %s 的牵头单位,也不是配合单位",
                    "%s is neither lead unit nor co-unit of %s", unit, task.id);
        }
        return unit;
    }

    /**
     * A correction names an earlier report of the same unit on the same task; any other id would only serve to skip
     * the cumulative check.
     */
    private void checkCorrects(String reportId, String taskId, String unit) {
        Submission corrected = store.submission(reportId)
                .filter(s -> s.kind.equals(ProgressReported.class.getSimpleName()) && s.taskId.equals(taskId))
                .orElseThrow(() -> DubanException.invalidField("correctionOf", "任务 %s 没有报告 %s",
                        "no report %2$s on %1$s", taskId, reportId));
        if (!corrected.unit.equals(unit)) {
            throw DubanException.invalidField("correctionOf", "报告 %s 是 %s 报送的；只能更正本单位（%s）自己的报告",
                    "report %s was sent by %s; a unit corrects only its own reports (%s)", reportId, corrected.unit, unit);
        }
    }

    private String submit(String id, String unit, String actor, EventPayload payload) {
        Envelope<EventPayload> event = Envelope.of(config.name(), actor, OffsetDateTime.now(CountyTime.ZONE), payload);
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
        return store.latestSubmission(taskId, EventType.PROGRESS_REPORTED.payloadClass().getSimpleName())
                .map(s -> EventCodec.json().convertValue(s.payload, ProgressReported.class)).orElse(null);
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
