package cn.duban.supervision.engine;

import java.util.List;

/** One status and alert rule of DESIGN.md. Rules are stateless; completion is handled by {@link TaskEvaluator}. */
public interface Rule {

    RuleId id();

    /** This rule's findings for the task today, empty when all is well. */
    List<Finding> findings(RuleContext context);

    /**
     * Whether the rule still speaks while a completion claim awaits verification. By default it does not:
     * the unit says the work is done, so warnings about pace and reporting would only be noise.
     */
    default boolean appliesWhileClaimPending() {
        return false;
    }
}
