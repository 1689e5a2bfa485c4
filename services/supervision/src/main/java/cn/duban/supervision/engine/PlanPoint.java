package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Objects;

/** A point of a task's own monthly plan: {@code percent} should be done by the end of {@code date}. */
public record PlanPoint(LocalDate date, int percent) {

    public PlanPoint {
        Objects.requireNonNull(date, "date");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("plan percent must be 0..100, was " + percent);
        }
    }
}
