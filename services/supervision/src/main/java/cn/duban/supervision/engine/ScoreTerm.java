package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a score's working: {@code contribution = input × weight}, rounded half-up to one decimal.
 *
 * @param name  the {@link UnitFacts} input it comes from ({@code base} and {@code clamp} are the formula's own)
 * @param input the figure used: a share 0..1 to four decimals, or a count
 */
public record ScoreTerm(String name, BigDecimal input, BigDecimal weight, BigDecimal contribution) {

    public ScoreTerm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(contribution, "contribution");
    }
}
