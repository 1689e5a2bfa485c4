package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** DUE_SOON: the deadline, or a milestone not yet reached, is 0 to {@code dueSoonDays} calendar days away. */
public final class DueSoonRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.DUE_SOON;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        var findings = new ArrayList<Finding>();
        LocalDate deadline = context.task().deadline();
        long daysToDeadline = BusinessCalendar.daysBetween(context.today(), deadline);
        if (isSoon(daysToDeadline, context)) {
            findings.add(new Finding(id(), null, "距完成时限 " + deadline + " 还有 " + daysToDeadline + " 天"));
        }
        for (MilestoneFacts milestone : context.task().milestones()) {
            long daysToDue = BusinessCalendar.daysBetween(context.today(), milestone.due());
            if (!milestone.isReached() && isSoon(daysToDue, context)) {
                findings.add(new Finding(id(), milestone.name(),
                        "时间节点「" + milestone.name() + "」将于 " + milestone.due() + " 到期,还有 " + daysToDue + " 天"));
            }
        }
        return findings;
    }

    /** For the deadline and each milestone not reached: the first day it is soon, and the day after it is due. */
    @Override
    public Optional<LocalDate> nextBoundary(RuleContext context) {
        int days = context.settings().dueSoonDays();
        return Stream.concat(Stream.of(context.task().deadline()),
                        context.task().milestones().stream().filter(m -> !m.isReached()).map(MilestoneFacts::due))
                .flatMap(due -> Stream.of(due.minusDays(days), due.plusDays(1)))
                .map(date -> Boundaries.after(context.today(), date))
                .reduce(Optional.empty(), Boundaries::earliest);
    }

    private static boolean isSoon(long daysUntilDue, RuleContext context) {
        return daysUntilDue >= 0 && daysUntilDue <= context.settings().dueSoonDays();
    }
}
