package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Optional;

/** Small helpers for the dates on which a verdict may change ({@link Rule#nextBoundary}). */
final class Boundaries {

    private Boundaries() {
    }

    /** {@code date} if it is after today, else empty: a boundary already crossed is part of today's verdict. */
    static Optional<LocalDate> after(LocalDate today, LocalDate date) {
        return date.isAfter(today) ? Optional.of(date) : Optional.empty();
    }

    static Optional<LocalDate> earliest(Optional<LocalDate> one, Optional<LocalDate> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return one.get().isBefore(other.get()) ? one : other;
    }
}
