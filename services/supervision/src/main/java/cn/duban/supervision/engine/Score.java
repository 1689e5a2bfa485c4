package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.util.List;

/** A unit's score, 0..100 to one decimal, with the terms it is the exact sum of. */
public record Score(BigDecimal value, List<ScoreTerm> terms) {

    public Score {
        terms = List.copyOf(terms);
        BigDecimal sum = terms.stream().map(ScoreTerm::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(value) != 0) {
            throw new IllegalArgumentException("terms add up to " + sum + ", not " + value);
        }
    }
}
