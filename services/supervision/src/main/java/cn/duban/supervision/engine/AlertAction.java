package cn.duban.supervision.engine;

import java.util.Objects;

/** What the caller must do to a task's alerts after a reconciliation: store the change and publish it. */
public sealed interface AlertAction {

    /**
     * Open a new alert at level 1. An inhibited raise is stored and published like any other, but nobody
     * is notified: the task has a RED finding that already has everyone's attention.
     */
    record Raise(RuleId rule, String milestone, Light light, String reason, boolean inhibited) implements AlertAction {
        public Raise {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(light, "light");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Close the alert and tell everyone it reached that it is over. */
    record Resolve(String alertId, String reason) implements AlertAction {
        public static final String CONDITION_CLEARED = "督办情形已消除";
        public static final String DUPLICATE = "同一事项已有督办单";

        public Resolve {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Raise the alert to {@code newLevel} (2 the responsible leader, 3 the office); inhibited means store it silently. */
    record Escalate(String alertId, int newLevel, boolean inhibited) implements AlertAction {
        public Escalate {
            Objects.requireNonNull(alertId, "alertId");
        }
    }

    /** Send a reminder (催办) to the unit and store now as the alert's last reminder. */
    record Remind(String alertId) implements AlertAction {
        public Remind {
            Objects.requireNonNull(alertId, "alertId");
        }
    }
}
