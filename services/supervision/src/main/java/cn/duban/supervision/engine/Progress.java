package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A task's done and planned percentages on a date, as whole numbers rounded half-up (74.5 → 75).
 *
 * <p>{@code percent} is the mean over the task's targets of reported ÷ value × 100, each capped at 100
 * and a target with nothing reported counting 0; a task without targets uses the unit's reported
 * percent (0 if none); a verified task is 100. {@code expectedPercent} is the {@link PlannedCurve}.
 * Rules compare these rounded numbers, so what a user sees is what a rule judged.
 */
public record Progress(int percent, int expectedPercent) {

    public Progress {
        requirePercent("percent", percent);
        requirePercent("expectedPercent", expectedPercent);
    }

    public static Progress of(TaskFacts task, LocalDate date) {
        return new Progress(donePercent(task), wholePercent(PlannedCurve.of(task).percentOn(date)));
    }

    /** How many points the work is behind plan; negative when ahead. */
    public int pointsBehind() {
        return expectedPercent - percent;
    }

    private static int donePercent(TaskFacts task) {
        if (task.completion().isVerified()) {
            return 100;
        }
        if (task.targets().isEmpty()) {
            Integer reported = task.reportedPercent();
            return reported == null ? 0 : Math.max(0, Math.min(100, reported));
        }
        BigDecimal sum = task.targets().stream()
                .map(TargetFacts::completionPercent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return wholePercent(sum.divide(BigDecimal.valueOf(task.targets().size()), MathContext.DECIMAL64));
    }

    private static int wholePercent(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static void requirePercent(String name, int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be 0..100, was " + value);
        }
    }
}
