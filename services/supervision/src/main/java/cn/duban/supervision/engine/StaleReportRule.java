package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * STALE_REPORT: the reporting cycle is the calendar month. The month's report is due by its due day, moved to the
 * next working day when that is a rest day ({@link WorkingCalendar#reportDue}); once that day is over, a task that
 * had started before the month began and from which the office has received no report since the 1st is stale.
 *
 * <p>Timeliness is judged by receipt (the business clock when the office received the report), never by the as-of
 * date the unit writes: a report received on the 27th dated the 20th did not arrive by the 26th. In a month shorter
 * than the due day the report is due on its last day (a due day of 30 in February: the 28th); when the due day moves
 * into the next month (a due day of 31 in December 2022 falls on 2023-01-03) the rule stays silent for that month.
 */
public final class StaleReportRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.STALE_REPORT;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        LocalDate today = context.today();
        YearMonth month = YearMonth.from(today);
        LocalDate cycleStart = month.atDay(1);
        int dueDay = context.settings().reportDueDay();
        LocalDate due = context.calendar().reportDue(month, dueDay);
        LocalDate lastReceivedOn = context.task().lastReceivedOn();
        boolean pastDue = YearMonth.from(due).equals(month) && BusinessCalendar.hasPassed(due, today);
        boolean startedBeforeCycle = context.task().plannedStart().isBefore(cycleStart);
        boolean receivedThisCycle = lastReceivedOn != null && !lastReceivedOn.isBefore(cycleStart);
        if (!pastDue || !startedBeforeCycle || receivedThisCycle) {
            return List.of();
        }
        String moved = due.getDayOfMonth() == dueDay ? "" : "(" + dueDay + " 日逢休息日顺延)";
        String last = lastReceivedOn == null ? "尚无进度反馈" : "最近一次收到反馈为 " + lastReceivedOn;
        return List.of(new Finding(id(), null, month + " 的进度反馈应于 " + due + moved + " 前报送," + last));
    }

    /** The day after this month's report is due, else the 1st of next month, when a new cycle begins. */
    @Override
    public Optional<LocalDate> nextBoundary(RuleContext context) {
        YearMonth month = YearMonth.from(context.today());
        LocalDate due = context.calendar().reportDue(month, context.settings().reportDueDay());
        return Boundaries.earliest(Boundaries.after(context.today(), due.plusDays(1)),
                Optional.of(month.plusMonths(1).atDay(1)));
    }
}
