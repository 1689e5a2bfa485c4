package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** LAGGING: the planned curve is strictly more than {@code laggingPoints} ahead of the reported percent. */
public final class LaggingRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.LAGGING;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        Progress progress = context.progress();
        int threshold = context.settings().laggingPoints();
        if (progress.pointsBehind() <= threshold) {
            return List.of();
        }
        return List.of(new Finding(id(), null, "完成 " + progress.percent() + "%,计划应完成 " + progress.expectedPercent()
                + "%,落后 " + progress.pointsBehind() + " 个百分点(超过 " + threshold + ")"));
    }

    /**
     * The verdict reads only the task's progress, whose date-driven part is the planned percent: {@link TaskEvaluator}
     * bounds every evaluation by the next date that moves ({@link Progress#nextChange}), which bounds this rule too.
     */
    @Override
    public Optional<LocalDate> nextBoundary(RuleContext context) {
        return Optional.empty();
    }
}
