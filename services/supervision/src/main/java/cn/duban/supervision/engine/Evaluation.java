package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A task's status, light, progress and findings on one date; what the ledger shows and alerts start from.
 *
 * @param nextBoundary the first date after {@code evaluatedOn} on which this evaluation may differ with no new input
 *                     (a report, a ledger edit, a decision, other settings): a deadline or milestone passing, a
 *                     due-soon window opening, a report falling due, the planned percent moving; {@code null} when
 *                     only a new input can change it
 */
public record Evaluation(
        String taskId,
        LocalDate evaluatedOn,
        TaskStatus status,
        Light light,
        int percent,
        int expectedPercent,
        List<Finding> findings,
        LocalDate nextBoundary) {

    public Evaluation {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(evaluatedOn, "evaluatedOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(light, "light");
        findings = List.copyOf(findings);
        if (nextBoundary != null && !nextBoundary.isAfter(evaluatedOn)) {
            throw new IllegalArgumentException("nextBoundary " + nextBoundary + " is not after " + evaluatedOn);
        }
    }

    public boolean has(RuleId rule) {
        return findings.stream().anyMatch(finding -> finding.rule() == rule);
    }
}
