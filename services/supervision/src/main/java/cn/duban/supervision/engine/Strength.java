package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * 确保/务必 versus 力争/争取: how hard the report commits. A missed STRIVE commitment costs a unit half of what a
 * missed MUST costs in its scorecard ({@link ScoreFormula}, docs/commitments.md).
 */
public enum Strength {
    MUST("确保", BigDecimal.ONE),
    STRIVE("力争", new BigDecimal("0.5"));

    private final String chinese;
    private final BigDecimal penaltyShare;

    Strength(String chinese, BigDecimal penaltyShare) {
        this.chinese = chinese;
        this.penaltyShare = penaltyShare;
    }

    public String chinese() {
        return chinese;
    }

    /** The share of a missed commitment's penalty this strength carries: 1 for MUST, ½ for STRIVE. */
    public BigDecimal penaltyShare() {
        return penaltyShare;
    }

    /** The strength a word names: {@code MUST}/确保/务必 or {@code STRIVE}/力争/争取, in any case. */
    public static Optional<Strength> named(String word) {
        String w = word.strip();
        if (w.equalsIgnoreCase("MUST") || w.equals("确保") || w.equals("务必")) {
            return Optional.of(MUST);
        }
        if (w.equalsIgnoreCase("STRIVE") || w.equals("力争") || w.equals("争取")) {
            return Optional.of(STRIVE);
        }
        return Optional.empty();
    }

    /**
     * A task's strength from its targets': it is only a STRIVE commitment when every target it has is one; a task
     * without targets, or with any MUST target, is a MUST.
     */
    public static Strength ofTask(Collection<Strength> targets) {
        return !targets.isEmpty() && targets.stream().allMatch(s -> s == STRIVE) ? STRIVE : MUST;
    }
}
