package cn.duban.supervision.engine;

import java.time.Instant;
import java.util.List;

/** Runs one rule alone, at an instant of the business clock, with the default settings. */
final class RuleTesting {

    private RuleTesting() {
    }

    static List<Finding> findings(Rule rule, TaskFacts task, Instant now) {
        return rule.findings(RuleContext.of(task, BusinessCalendar.dateOf(now), RuleSettings.defaults()));
    }
}
