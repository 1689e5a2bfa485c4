package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A task's status, light, progress and findings on one date; what the ledger shows and alerts start from. */
public record Evaluation(
        String taskId,
        LocalDate evaluatedOn,
        TaskStatus status,
        Light light,
        int percent,
        int expectedPercent,
        List<Finding> findings) {

    public Evaluation {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(evaluatedOn, "evaluatedOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(light, "light");
        findings = List.copyOf(findings);
    }

    public boolean has(RuleId rule) {
        return findings.stream().anyMatch(finding -> finding.rule() == rule);
    }
}
