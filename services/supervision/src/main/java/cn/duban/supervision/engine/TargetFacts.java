package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A quantity a task commits to (目标), e.g. 高标准农田 60000 亩, with the latest cumulative figure reported. How it is
 * judged is its {@link TargetType}'s business.
 *
 * @param type     how the target is judged; AMOUNT when the ledger does not say
 * @param strength 确保 or 力争; MUST when the ledger does not say
 * @param baseline 基数: for an AMOUNT or LEVEL where the figures stood when the task began (continuing work does not
 *                 start from zero); for a GROWTH, last year's value of the quantity that grows; {@code null} if none
 * @param reported cumulative figure in the target's unit; {@code null} when nothing has been reported
 */
public record TargetFacts(String metric, String unit, BigDecimal value, TargetType type, Strength strength,
        BigDecimal baseline, BigDecimal reported) {

    public TargetFacts {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        type = type == null ? TargetType.AMOUNT : type;
        strength = strength == null ? Strength.MUST : strength;
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("target " + metric + " needs a positive value, was " + value);
        }
    }

    /** An AMOUNT the report commits to (确保), with no baseline. */
    public TargetFacts(String metric, String unit, BigDecimal value, BigDecimal reported) {
        this(metric, unit, value, TargetType.AMOUNT, Strength.MUST, null, reported);
    }

    /** Where the figures start: the baseline of an AMOUNT or LEVEL, else 0. */
    BigDecimal start() {
        return baseline == null || type == TargetType.GROWTH ? BigDecimal.ZERO : baseline;
    }

    /** How much is done, 0..100 and unrounded; 0 for a target that does not count (see {@link #counts()}). */
    public BigDecimal completionPercent() {
        return type.donePercent(this).orElse(BigDecimal.ZERO);
    }

    /** Whether this target counts towards its task's percent now (a rate or a limit only once it is reported). */
    public boolean counts() {
        return type.donePercent(this).isPresent();
    }

    /** Met by the latest figure, per its type; empty for a type without that verdict or nothing reported. */
    public Optional<Boolean> isMet() {
        return type.isMet(this);
    }

    /** A CEILING whose reported figure is over its limit. */
    public boolean isOverLimit() {
        return type == TargetType.CEILING && isMet().map(met -> !met).orElse(false);
    }
}
