package cn.duban.supervision.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert (督办单) of one task that is not resolved yet, as the caller has it stored.
 *
 * @param milestone       the milestone it concerns; {@code null} for the task as a whole
 * @param escalationLevel 1 the unit, 2 the responsible leader, 3 the supervision office
 * @param lastReminderAt  when the last reminder (催办) went out; {@code null} if none yet
 */
public record OpenAlert(
        String alertId,
        RuleId rule,
        String milestone,
        Light light,
        State state,
        Instant raisedAt,
        int escalationLevel,
        Instant lastReminderAt) {

    public enum State {
        OPEN,
        ACKNOWLEDGED
    }

    public static final int UNIT_LEVEL = 1;
    public static final int LEADER_LEVEL = 2;
    public static final int OFFICE_LEVEL = 3;

    public OpenAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        if (escalationLevel < UNIT_LEVEL || escalationLevel > OFFICE_LEVEL) {
            throw new IllegalArgumentException("escalation level must be 1..3, was " + escalationLevel);
        }
    }

    public AlertKey key() {
        return new AlertKey(rule, milestone);
    }

    public boolean isAcknowledged() {
        return state == State.ACKNOWLEDGED;
    }
}
