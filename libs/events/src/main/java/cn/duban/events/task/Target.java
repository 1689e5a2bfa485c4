package cn.duban.events.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * A quantity a task commits to, e.g. 高标准农田 60000 亩, or 投资 9000 万元, and how it is judged (docs/commitments.md).
 * Type, strength and baseline were added after v1 first shipped: an event without them means AMOUNT, MUST, no baseline.
 *
 * @param type     AMOUNT, LEVEL, CEILING, GROWTH, PROJECT_TOTAL or SCOPE (目标类型); null: AMOUNT
 * @param strength MUST (确保) or STRIVE (力争); null: MUST
 * @param baseline 基数, where the figures start (for a GROWTH, last year's value of what grows); null: none
 */
public record Target(String metric, String unit, BigDecimal value, String type, String strength, BigDecimal baseline) {

    /** Investment targets are reported in the report's {@code investment} field rather than as a figure. */
    public static final String INVESTMENT = "投资";

    /** An amount the report commits to, with no baseline. */
    public Target(String metric, String unit, BigDecimal value) {
        this(metric, unit, value, null, null, null);
    }

    @JsonIgnore
    public boolean isInvestment() {
        return INVESTMENT.equals(metric);
    }
}
