package cn.duban.supervision.engine;

import java.util.Objects;

/** What makes an alert unique within its task: there is at most one open alert per rule and milestone. */
public record AlertKey(RuleId rule, String milestone) {

    public AlertKey {
        Objects.requireNonNull(rule, "rule");
    }
}
