package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The weights of {@link ScoreFormula}. Rewards are positive and penalties negative, which keeps the score
 * monotonic: more of a good thing never lowers it, more of a bad thing never raises it.
 *
 * @param coLedShare how much a co-led task counts against a led one (0..1)
 */
public record ScoreWeights(
        BigDecimal base,
        BigDecimal completedOnTime,
        BigDecimal completedLate,
        BigDecimal reportsOnTime,
        BigDecimal openOverdue,
        BigDecimal escalation,
        BigDecimal coLedShare) {

    private static final ScoreWeights DEFAULTS = new ScoreWeights(
            new BigDecimal("60"), new BigDecimal("25"), new BigDecimal("10"), new BigDecimal("15"),
            new BigDecimal("-30"), new BigDecimal("-2"), new BigDecimal("0.5"));

    public ScoreWeights {
        requireSign("base", base, 1);
        requireSign("completedOnTime", completedOnTime, 1);
        requireSign("completedLate", completedLate, 1);
        requireSign("reportsOnTime", reportsOnTime, 1);
        requireSign("openOverdue", openOverdue, -1);
        requireSign("escalation", escalation, -1);
        requireSign("coLedShare", coLedShare, 1);
        if (coLedShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("coLedShare must be 0..1, was " + coLedShare);
        }
        if (completedLate.compareTo(completedOnTime) > 0) {
            throw new IllegalArgumentException("finishing late cannot earn more than finishing on time");
        }
    }

    /** base 60, on time +25, late +10, reports +15, overdue −30, escalation −2 each, co-led counts ½. */
    public static ScoreWeights defaults() {
        return DEFAULTS;
    }

    private static void requireSign(String name, BigDecimal weight, int sign) {
        Objects.requireNonNull(weight, name);
        if (weight.signum() == -sign) {
            throw new IllegalArgumentException(name + " must be " + (sign > 0 ? "≥ 0" : "≤ 0") + ", was " + weight);
        }
    }
}
