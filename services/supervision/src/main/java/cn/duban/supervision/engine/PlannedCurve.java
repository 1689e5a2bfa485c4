package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of a task should be done on a given date.
 *
 * <p>The curve runs through 0 % on the planned start, then the task's plan points if it has any,
 * then 100 % on the current deadline, straight between neighbouring points. Before the start it is 0,
 * after the deadline 100 (an approved extension moves the deadline and so flattens a linear plan;
 * plan points stay as given, a unit whose plan changed sends new ones). A plan point on or before the
 * start is ignored: the plan begins at 0.
 */
final class PlannedCurve {

    private final List<PlanPoint> anchors;
    private final LocalDate deadline;

    private PlannedCurve(List<PlanPoint> anchors, LocalDate deadline) {
        this.anchors = anchors;
        this.deadline = deadline;
    }

    static PlannedCurve of(TaskFacts task) {
        var anchors = new ArrayList<PlanPoint>();
        anchors.add(new PlanPoint(task.plannedStart(), 0));
        task.planPoints().stream()
                .filter(point -> point.date().isAfter(task.plannedStart()))
                .forEach(anchors::add);
        if (task.deadline().isAfter(anchors.get(anchors.size() - 1).date())) {
            anchors.add(new PlanPoint(task.deadline(), 100));
        }
        return new PlannedCurve(List.copyOf(anchors), task.deadline());
    }

    /** Planned percent at the end of {@code date}, unrounded. */
    BigDecimal percentOn(LocalDate date) {
        if (date.isAfter(deadline)) {
            return BigDecimal.valueOf(100);
        }
        PlanPoint previous = anchors.get(0);
        if (!date.isAfter(previous.date())) {
            return BigDecimal.valueOf(previous.percent());
        }
        for (PlanPoint next : anchors.subList(1, anchors.size())) {
            if (!date.isAfter(next.date())) {
                return interpolate(previous, next, date);
            }
            previous = next;
        }
        return BigDecimal.valueOf(previous.percent());
    }

    private static BigDecimal interpolate(PlanPoint from, PlanPoint to, LocalDate date) {
        BigDecimal elapsed = BigDecimal.valueOf(BusinessCalendar.daysBetween(from.date(), date));
        BigDecimal span = BigDecimal.valueOf(BusinessCalendar.daysBetween(from.date(), to.date()));
        BigDecimal rise = BigDecimal.valueOf(to.percent() - from.percent());
        return BigDecimal.valueOf(from.percent())
                .add(rise.multiply(elapsed).divide(span, MathContext.DECIMAL64));
    }
}
