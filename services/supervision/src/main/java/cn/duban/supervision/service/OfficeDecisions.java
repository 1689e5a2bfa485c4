package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.task.TaskClosed;
import cn.duban.events.task.TaskUpdated;
import cn.duban.platform.messaging.Outbox;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ExtensionRequest;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * The office's decisions on what units ask: extensions (an approved date becomes the deadline; the original
 * stays on record) and completion claims (only a verified claim makes a task COMPLETED or COMPLETED_LATE).
 */
@ApplicationScoped
public class OfficeDecisions {
    public static final String PENDING = "PENDING";

    @Inject
    Outbox outbox;

    @Inject
    BusinessClock clock;

    @Inject
    TaskEvaluation evaluation;

    @Transactional
    public ExtensionRequest approveExtension(String id, String reason, String actor) {
        ExtensionRequest request = pendingExtension(id);
        Task task = task(request.taskId);
        OffsetDateTime at = clock.now();
        decide(request, "APPROVED", reason, actor, at);
        task.deadline = request.requestedDeadline;
        task.updatedAt = at;
        // contentHash stays the ledger's: re-importing the same ledger keeps the approved deadline
        outbox.publish(Envelope.of(LedgerImport.SERVICE, actor, at, new TaskUpdated(task.toSnapshot(),
                "extension approved: deadline " + task.originalDeadline + " → " + task.deadline)));
        AuditEntry.record(at, actor, "extension.approved", task.id, id,
                "deadline → " + task.deadline + (reason == null ? "" : "; " + reason));
        evaluation.evaluate(task);
        return request;
    }

    @Transactional
    public ExtensionRequest rejectExtension(String id, String reason, String actor) {
        ExtensionRequest request = pendingExtension(id);
        requireReason(reason);
        decide(request, "REJECTED", reason, actor, clock.now());
        AuditEntry.record(request.decidedAt, actor, "extension.rejected", request.taskId, id, reason);
        return request;
    }

    @Transactional
    public CompletionClaim verifyCompletion(String id, String reason, String actor) {
        CompletionClaim claim = pendingClaim(id);
        Task task = task(claim.taskId);
        OffsetDateTime at = clock.now();
        claim.state = "VERIFIED";
        claim.decidedAt = at;
        claim.decidedBy = actor;
        claim.decisionReason = reason;
        TaskStatus outcome = TaskStatus.valueOf(evaluation.evaluate(task).status().name());
        outbox.publish(Envelope.of(LedgerImport.SERVICE, actor, at,
                new TaskClosed(task.id, outcome.name(), at.toLocalDate())));
        AuditEntry.record(at, actor, "completion.verified", task.id, id, outcome.name());
        return claim;
    }

    @Transactional
    public CompletionClaim rejectCompletion(String id, String reason, String actor) {
        CompletionClaim claim = pendingClaim(id);
        requireReason(reason);
        claim.state = "REJECTED";
        claim.decidedAt = clock.now();
        claim.decidedBy = actor;
        claim.decisionReason = reason;
        AuditEntry.record(claim.decidedAt, actor, "completion.rejected", claim.taskId, id, reason);
        evaluation.evaluate(task(claim.taskId));
        return claim;
    }

    private static void decide(ExtensionRequest request, String state, String reason, String actor, OffsetDateTime at) {
        request.state = state;
        request.decidedAt = at;
        request.decidedBy = actor;
        request.decisionReason = reason;
    }

    private static ExtensionRequest pendingExtension(String id) {
        ExtensionRequest request = ExtensionRequest.findById(id);
        if (request == null) {
            throw DubanException.notFound("没有延期申请 %s", "no extension request %s", id);
        }
        if (!PENDING.equals(request.state)) {
            throw DubanException.conflict("延期申请 %s 已经处理过(%s)", "extension request %s was already %s", id, request.state);
        }
        return request;
    }

    private static CompletionClaim pendingClaim(String id) {
        CompletionClaim claim = CompletionClaim.findById(id);
        if (claim == null) {
            throw DubanException.notFound("没有办结申请 %s", "no completion claim %s", id);
        }
        if (!PENDING.equals(claim.state)) {
            throw DubanException.conflict("办结申请 %s 已经处理过(%s)", "completion claim %s was already %s", id, claim.state);
        }
        return claim;
    }

    private static Task task(String id) {
        Task task = Task.findById(id);
        if (task == null) {
            throw DubanException.conflict("任务 %s 不在台账中,请先导入", "task %s is not in the ledger; import it first", id);
        }
        return task;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DubanException.invalidField("reason", "驳回需要写明理由,让单位知道如何改进", "a rejection needs a reason the unit can act on");
        }
    }
}
