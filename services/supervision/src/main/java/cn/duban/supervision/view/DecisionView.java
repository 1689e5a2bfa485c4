package cn.duban.supervision.view;

import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ExtensionRequest;
import cn.duban.supervision.repository.OfficeDecision;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What units ask of the office and its answers (延期申请, 办结申请), as the office's API shows them. */
public final class DecisionView {
    private DecisionView() {
    }

    public record Extension(String id, String taskId, String unit, LocalDate requestedDeadline, String reason,
            OffsetDateTime requestedAt, String requestedBy, OfficeDecision.State state, OffsetDateTime decidedAt,
            String decidedBy, String decisionReason) {
        public static Extension of(ExtensionRequest r) {
            return new Extension(r.id, r.taskId, r.unit, r.requestedDeadline, r.reason, r.requestedAt, r.requestedBy,
                    r.decision.state, r.decision.decidedAt, r.decision.decidedBy, r.decision.reason);
        }
    }

    public record Completion(String id, String taskId, String unit, LocalDate completedOn, String narrative,
            List<String> evidence, OffsetDateTime claimedAt, String claimedBy, OfficeDecision.State state,
            OffsetDateTime decidedAt, String decidedBy, String decisionReason) {
        public static Completion of(CompletionClaim c) {
            return new Completion(c.id, c.taskId, c.unit, c.completedOn, c.narrative, c.evidence, c.claimedAt,
                    c.claimedBy, c.decision.state, c.decision.decidedAt, c.decision.decidedBy, c.decision.reason);
        }
    }
}
