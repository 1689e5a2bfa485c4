package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** MILESTONE_OVERDUE: a milestone's date has passed and it has not been reported reached; one finding each. */
public final class MilestoneOverdueRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.MILESTONE_OVERDUE;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        return context.task().milestones().stream()
                .filter(milestone -> !milestone.isReached())
                .filter(milestone -> BusinessCalendar.hasPassed(milestone.due(), context.today()))
                .map(milestone -> new Finding(id(), milestone.name(),
                        "时间节点「" + milestone.name() + "」应于 " + milestone.due() + " 完成,尚未报告完成"))
                .toList();
    }

    /** The day after the earliest milestone not reached that is not yet overdue. */
    @Override
    public Optional<LocalDate> nextBoundary(RuleContext context) {
        return context.task().milestones().stream()
                .filter(milestone -> !milestone.isReached())
                .map(milestone -> Boundaries.after(context.today(), milestone.due().plusDays(1)))
                .reduce(Optional.empty(), Boundaries::earliest);
    }

    // a missed step stays a missed step even if the unit says the whole task is done
    @Override
    public boolean appliesWhileClaimPending() {
        return true;
    }
}
