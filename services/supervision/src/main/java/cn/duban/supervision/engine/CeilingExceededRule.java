package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * CEILING_EXCEEDED: a CEILING target (上限, e.g. 城镇登记失业率控制在4.5%以内) reported over its limit, one RED
 * finding for the task however many limits it passed. A limit is broken the day it is reported broken, whatever the
 * planned curve says, and it clears when a later report is back inside.
 */
public final class CeilingExceededRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.CEILING_EXCEEDED;
    }

    @Override
    public List<Finding> findings(RuleContext context) {
        List<String> over = context.task().targets().stream()
                .filter(TargetFacts::isOverLimit)
                .map(t -> t.metric() + " 报告 " + t.reported().stripTrailingZeros().toPlainString() + t.unit()
                        + ",超过上限 " + t.value().stripTrailingZeros().toPlainString() + t.unit())
                .toList();
        return over.isEmpty() ? List.of() : List.of(new Finding(id(), null, String.join(";", over)));
    }

    /** A limit is judged on the figures alone: only a new report changes it. */
    @Override
    public Optional<LocalDate> nextBoundary(RuleContext context) {
        return Optional.empty();
    }

    // a limit passed is a fact about the year, not about the pace, so a claim does not silence it
    @Override
    public boolean appliesWhileClaimPending() {
        return true;
    }
}
