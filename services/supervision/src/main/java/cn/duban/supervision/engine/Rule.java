package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

    /**
     * The first date after today on which this rule's findings may differ with no new input (no report, no ledger
     * edit, no decision): empty when only an input can change them. A rule unsure of it says tomorrow, which only
     * costs an evaluation; a date too late would leave a verdict stale.
     */
    default Optional<LocalDate> nextBoundary(RuleContext context) {
        return Optional.of(context.today().plusDays(1));
    }
}
