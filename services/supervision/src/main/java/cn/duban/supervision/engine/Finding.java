package cn.duban.supervision.engine;

import java.util.Objects;

/**
 * One rule's verdict on one task at one moment, e.g. MILESTONE_OVERDUE for 试运行.
 *
 * @param milestone the milestone it concerns; {@code null} for a finding about the task as a whole
 * @param reason    a sentence in Chinese for the people alerted, with the figures that decided it
 */
public record Finding(RuleId rule, String milestone, String reason) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    public Light light() {
        return rule.light();
    }

    public AlertKey key() {
        return new AlertKey(rule, milestone);
    }
}
