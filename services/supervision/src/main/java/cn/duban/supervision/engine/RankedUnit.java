package cn.duban.supervision.engine;

import java.util.Objects;

/** A unit's place in a {@link Ranking}; units with equal scores share a rank. */
public record RankedUnit(int rank, String unit, Score score) {

    public RankedUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(score, "score");
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1, was " + rank);
        }
    }
}
