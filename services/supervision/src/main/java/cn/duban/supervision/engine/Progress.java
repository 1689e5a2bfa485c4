package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A task's done and planned percentages on a date, as whole numbers rounded half-up (74.5 → 75).
 *
 * <p>{@code percent} is the mean of the done percent of the targets that count ({@link TargetType}: an amount or
 * a level from a baseline always, a limit, a rate or a level without baseline once reported, a project total or a scope never), and {@code expectedPercent}
 * the mean of their planned percent on the {@link PlannedCurve}. A task none of whose targets counts is judged by
 * its milestones when it has a SCOPE target and milestones (reached ÷ all, against due before the date ÷ all); one
 * that waits for the first figure of a limit, a rate or a level without baseline plans nothing yet (0 of 0: it cannot lag, only be late to
 * report); otherwise, like a task without targets, by the unit's reported percent (0 if none) against the curve. A verified
 * task is 100. Rules compare these rounded numbers, so what a user sees is what a rule judged.
 */
public record Progress(int percent, int expectedPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Progress {
        requirePercent("percent", percent);
        requirePercent("expectedPercent", expectedPercent);
    }

    public static Progress of(TaskFacts task, LocalDate date) {
        BigDecimal curve = PlannedCurve.of(task).percentOn(date);
        List<TargetFacts> counted = task.targets().stream().filter(TargetFacts::counts).toList();
        BigDecimal done;
        BigDecimal planned;
        if (!counted.isEmpty()) {
            done = mean(counted.stream().map(TargetFacts::completionPercent).toList());
            planned = mean(counted.stream().map(t -> t.type().plannedPercent(curve)).toList());
        } else if (judgedByMilestones(task)) {
            List<MilestoneFacts> milestones = task.milestones();
            done = share(milestones.stream().filter(MilestoneFacts::isReached).count(), milestones.size());
            // a milestone is planned from the day after its due day: on the day itself it is due, not behind
            planned = share(milestones.stream().filter(m -> m.due().isBefore(date)).count(), milestones.size());
        } else if (awaitsFirstFigure(task)) {
            // a limit, a rate or a level with no figure yet: nothing to be behind on; the missing report is STALE_REPORT's
            done = BigDecimal.ZERO;
            planned = BigDecimal.ZERO;
        } else {
            Integer reported = task.reportedPercent();
            done = BigDecimal.valueOf(reported == null ? 0 : Math.max(0, Math.min(100, reported)));
            planned = curve;
        }
        return new Progress(task.completion().isVerified() ? 100 : wholePercent(done), wholePercent(planned));
    }

    /**
     * The first date after {@code today} on which {@code expectedPercent} differs from today's, empty when it never
     * will (the done percent moves only with a new report). The planned percent never falls as the date advances
     * while the plan points never fall, so a bisection up to the last date that can move it finds the change; a
     * plan that falls somewhere gets tomorrow.
     */
    public static Optional<LocalDate> nextChange(TaskFacts task, LocalDate today) {
        LocalDate settled = task.milestones().stream().map(MilestoneFacts::due)
                .reduce(task.deadline(), (a, b) -> a.isAfter(b) ? a : b).plusDays(1);
        if (!settled.isAfter(today)) {
            return Optional.empty();
        }
        if (!planRises(task)) {
            return Optional.of(today.plusDays(1));
        }
        int expected = of(task, today).expectedPercent();
        if (of(task, settled).expectedPercent() == expected) {
            return Optional.empty();
        }
        LocalDate same = today;
        LocalDate changed = settled;
        while (BusinessCalendar.daysBetween(same, changed) > 1) {
            LocalDate middle = same.plusDays(BusinessCalendar.daysBetween(same, changed) / 2);
            if (of(task, middle).expectedPercent() == expected) {
                same = middle;
            } else {
                changed = middle;
            }
        }
        return Optional.of(changed);
    }

    private static boolean planRises(TaskFacts task) {
        int previous = 0;
        for (PlanPoint point : task.planPoints()) {
            if (point.date().isAfter(task.plannedStart())) {
                if (point.percent() < previous) {
                    return false;
                }
                previous = point.percent();
            }
        }
        return true;
    }

    private static boolean awaitsFirstFigure(TaskFacts task) {
        return task.targets().stream().anyMatch(t -> t.type().awaitsFirstFigure(t));
    }

    private static boolean judgedByMilestones(TaskFacts task) {
        return !task.milestones().isEmpty()
                && task.targets().stream().anyMatch(t -> t.type().judgedByMilestones());
    }

    private static BigDecimal mean(List<BigDecimal> percents) {
        return percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(percents.size()), MathContext.DECIMAL64);
    }

    private static BigDecimal share(long part, int whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
    }

    /** How many points the work is behind plan; negative when ahead. */
    public int pointsBehind() {
        return expectedPercent - percent;
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
