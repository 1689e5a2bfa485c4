package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.task.TaskClosed;
import cn.duban.platform.messaging.Outbox;
import cn.duban.platform.rest.DubanException;
import cn.duban.platform.rest.Page;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ExtensionRequest;
import cn.duban.supervision.repository.OfficeDecision;
import cn.duban.supervision.repository.OfficeRequest;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.DecisionView;
import cn.duban.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The office's decisions on what units ask, one workflow for both: extensions (an approved date becomes the
 * deadline; the original stays on record) and completion claims (only a verified claim makes a task COMPLETED or
 * COMPLETED_LATE). A request is decided once; a rejection needs a reason the unit can act on.
 */
@ApplicationScoped
public class OfficeDecisions {
    private static final Text EXTENSION = Text.of("延期申请", "extension request");
    private static final Text CLAIM = Text.of("办结申请", "completion claim");

    @Inject
    Outbox outbox;

    @Inject
    TaskUpdates updates;

    @Inject
    BusinessClock clock;

    @Inject
    TaskEvaluation evaluation;

    @Inject
    SupervisionAccess access;

    @Inject
    Audit audit;

    public Page<DecisionView.Extension> extensions(String state, String taskId) {
        return Page.all(ExtensionRequest.matching(Filters.oneOf("state", state, OfficeDecision.State.class), taskId)
                .stream().map(DecisionView.Extension::of).toList());
    }

    public Page<DecisionView.Completion> completions(String state, String taskId) {
        return Page.all(CompletionClaim.matching(Filters.oneOf("state", state, OfficeDecision.State.class), taskId)
                .stream().map(DecisionView.Completion::of).toList());
    }

    /**
     * The office's decision on an extension request: APPROVED makes the requested date the deadline (the original
     * stays on record) and judges the task anew; REJECTED leaves the task as it was.
     */
    @Transactional
    public DecisionView.Extension decideExtension(String id, OfficeDecision.State outcome, String reason) {
        ExtensionRequest request = ExtensionRequest.findById(id);
        Task task = decide(request, EXTENSION, id, outcome, reason);
        if (outcome == OfficeDecision.State.APPROVED) {
            task.deadline = request.requestedDeadline;
            updates.changedByCaller(task, request.decision.decidedAt,
                    "extension approved: deadline " + task.originalDeadline + " → " + task.deadline);
            evaluation.evaluate(List.of(task.id));
        }
        return DecisionView.Extension.of(request);
    }

    /**
     * The office's decision on a completion claim, after which the task is judged anew: VERIFIED (销号) makes it
     * COMPLETED or COMPLETED_LATE and closes it for the sector services (TaskClosed); REJECTED puts it back.
     */
    @Transactional
    public DecisionView.Completion decideCompletion(String id, OfficeDecision.State outcome, String reason) {
        CompletionClaim claim = CompletionClaim.findById(id);
        Task task = decide(claim, CLAIM, id, outcome, reason);
        evaluation.evaluate(List.of(task.id));
        if (outcome == OfficeDecision.State.VERIFIED) {
            OffsetDateTime at = claim.decision.decidedAt;
            outbox.publish(Envelope.of(LedgerImport.SERVICE, access.actor(), at,
                    new TaskClosed(task.id, task.status.name(), at.toLocalDate(), task.toSnapshot())));
        }
        return DecisionView.Completion.of(claim);
    }

    /**
     * Records the office's decision on a pending request of either kind, audited as
     * {@code extension.approved}, {@code completion.verified}, {@code … .rejected}; returns the task it concerns.
     */
    private Task decide(OfficeRequest request, Text kind, String id, OfficeDecision.State outcome, String reason) {
        if (request == null) {
            throw DubanException.notFound("没有%s %s", "no %s %s", kind, id);
        }
        OfficeDecision decision = request.decision;
        if (!decision.isPending()) {
            throw DubanException.conflict("%s %s 已经处理过(%s)", "%s %s was already %s", kind, id, decision.state);
        }
        if (outcome != OfficeDecision.State.REJECTED && outcome != request.granted()) {
            throw new IllegalArgumentException(request.workflow() + " cannot be " + outcome);
        }
        if (outcome == OfficeDecision.State.REJECTED && (reason == null || reason.isBlank())) {
            throw DubanException.invalidField("reason", "驳回需要写明理由,让单位知道如何改进",
                    "a rejection needs a reason the unit can act on");
        }
        String taskId = request.taskId;
        Task task = Task.findById(taskId);
        if (task == null) {
            throw DubanException.conflict("任务 %s 不在台账中,请先导入", "task %s is not in the ledger; import it first", taskId);
        }
        OffsetDateTime at = clock.now();
        decision.decide(outcome, reason, access.actor(), at);
        String action = request.workflow() + "." + outcome.name().toLowerCase(java.util.Locale.ROOT);
        audit.byCaller(action, taskId, id, request instanceof ExtensionRequest e && outcome == OfficeDecision.State.APPROVED
                ? "deadline → " + e.requestedDeadline + (reason == null ? "" : "; " + reason) : reason);
        return task;
    }
}
