package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit's scorecard (考核) from its recorded facts, traceable term by term.
 *
 * <p>With the {@link ScoreWeights#defaults() default weights}, where a task "share" is a count over the
 * unit's tasks and a co-led task counts ½ in both (load = led + ½ × co-led):
 * <pre>
 *   score = 60
 *         + 25 × share of tasks completed on time
 *         + 10 × share of tasks completed late
 *         + 15 × reportsOnTime / reportsDue          (1 when none was due)
 *         − 30 × share of tasks open and overdue     (a 力争 task counts ½: Strength#penaltyShare)
 *         −  2 × escalations
 * </pre>
 * A unit that finishes everything on time and reports every month on time scores 100; one with no task
 * done yet but every report in scores 75. Shares are rounded to four decimals and each contribution to
 * one decimal, half-up; the score is the sum of the contributions, clamped to 0..100, and a clamp adds a
 * {@code clamp} term so the terms always add up to the score. A unit with no tasks has all task shares 0.
 */
public final class ScoreFormula {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ScoreWeights weights;

    public ScoreFormula(ScoreWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public static ScoreFormula withDefaults() {
        return new ScoreFormula(ScoreWeights.defaults());
    }

    public Score score(UnitFacts facts) {
        BigDecimal load = weighted(facts.tasksLed(), facts.tasksCoLed());
        var terms = new ArrayList<ScoreTerm>();
        terms.add(term("base", BigDecimal.ONE, weights.base()));
        terms.add(term("completedOnTime",
                share(weighted(facts.led().completedOnTime(), facts.coLed().completedOnTime()), load),
                weights.completedOnTime()));
        terms.add(term("completedLate",
                share(weighted(facts.led().completedLate(), facts.coLed().completedLate()), load),
                weights.completedLate()));
        terms.add(term("reportsOnTime", reportingShare(facts), weights.reportsOnTime()));
        terms.add(term("openOverdue",
                share(facts.led().openOverdueWeighed()
                        .add(weights.coLedShare().multiply(facts.coLed().openOverdueWeighed())), load),
                weights.openOverdue()));
        terms.add(term("escalations", BigDecimal.valueOf(facts.escalations()), weights.escalation()));
        return clamped(terms);
    }

    private BigDecimal weighted(int led, int coLed) {
        return BigDecimal.valueOf(led).add(weights.coLedShare().multiply(BigDecimal.valueOf(coLed)));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return part.divide(whole, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
    }

    // a month with nothing due cannot have been missed
    private static BigDecimal reportingShare(UnitFacts facts) {
        if (facts.reportsDue() == 0) {
            return BigDecimal.ONE.setScale(4);
        }
        return share(BigDecimal.valueOf(facts.reportsOnTime()), BigDecimal.valueOf(facts.reportsDue()));
    }

    private static ScoreTerm term(String name, BigDecimal input, BigDecimal weight) {
        return new ScoreTerm(name, input, weight, input.multiply(weight).setScale(1, RoundingMode.HALF_UP));
    }

    private static Score clamped(List<ScoreTerm> terms) {
        BigDecimal raw = terms.stream().map(ScoreTerm::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = raw.max(BigDecimal.ZERO).min(HUNDRED).setScale(1, RoundingMode.UNNECESSARY);
        if (value.compareTo(raw) != 0) {
            BigDecimal adjustment = value.subtract(raw);
            terms.add(new ScoreTerm("clamp", BigDecimal.ONE, adjustment, adjustment));
        }
        return new Score(value, terms);
    }
}
