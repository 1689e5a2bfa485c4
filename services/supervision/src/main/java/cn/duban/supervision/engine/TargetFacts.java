package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A quantity a task commits to (目标), e.g. 高标准农田 60000 亩, with the latest cumulative figure reported.
 *
 * @param reported cumulative figure in the target's unit; {@code null} when nothing has been reported
 */
public record TargetFacts(String metric, String unit, BigDecimal value, BigDecimal reported) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TargetFacts {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("target " + metric + " needs a positive value, was " + value);
        }
    }

    /** reported ÷ value × 100, between 0 and 100 (over-fulfilment does not make up for another target); unrounded. */
    public BigDecimal completionPercent() {
        if (reported == null || reported.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal percent = reported.multiply(HUNDRED).divide(value, MathContext.DECIMAL64);
        return percent.min(HUNDRED);
    }
}
