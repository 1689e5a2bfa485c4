package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * STALE_REPORT: the reporting cycle is the calendar month; once the month is past its due day, a task that
 * had started before the month began and has no report dated in the month is stale. In a month shorter
 * than the due day (a due day of 30 in February) the rule stays silent that month.
 */
public final class StaleReportRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.STALE_REPORT;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        LocalDate today = context.today();
        LocalDate cycleStart = today.withDayOfMonth(1);
        LocalDate lastReportOn = context.task().lastReportOn();
        boolean pastDueDay = today.getDayOfMonth() > context.settings().reportDueDay();
        boolean startedBeforeCycle = context.task().plannedStart().isBefore(cycleStart);
        boolean reportedThisCycle = lastReportOn != null && !lastReportOn.isBefore(cycleStart);
        if (!pastDueDay || !startedBeforeCycle || reportedThisCycle) {
            return List.of();
        }
        String last = lastReportOn == null ? "尚无进度反馈" : "最近一次反馈为 " + lastReportOn;
        return List.of(new Finding(id(), null, YearMonth.from(today) + " 的进度反馈应于 "
                + context.settings().reportDueDay() + " 日前报送," + last));
    }
}
