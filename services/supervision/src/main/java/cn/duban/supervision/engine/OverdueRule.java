package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * OVERDUE: the current deadline has passed and the task is not completed. A completion claim made on or
 * before the deadline and still awaiting verification counts as finishing in time, so it holds OVERDUE off;
 * a claim made after the deadline does not.
 */
public final class OverdueRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.OVERDUE;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        LocalDate deadline = context.task().deadline();
        Completion completion = context.task().completion();
        boolean claimedInTime = completion.isClaimPending() && !completion.claimedOn().isAfter(deadline);
        if (!BusinessCalendar.hasPassed(deadline, context.today()) || claimedInTime) {
            return List.of();
        }
        long daysLate = BusinessCalendar.daysBetween(deadline, context.today());
        return List.of(new Finding(id(), null, "已超过完成时限 " + deadline + " " + daysLate + " 天,尚未办结"));
    }

    /** The day after the deadline; once late, a task stays late until an input says otherwise. */
    @Override
    public Optional<LocalDate> nextBoundary(RuleContext context) {
        return Boundaries.after(context.today(), context.task().deadline().plusDays(1));
    }

    @Override
    public boolean appliesWhileClaimPending() {
        return true;
    }
}
