package cn.duban.events.alert;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** An alert stayed unresolved long enough to reach the next level: 2 the responsible leader, 3 the office. */
public record AlertEscalated(String alertId, String taskId, String rule, int escalationLevel, String escalatedTo,
        OffsetDateTime escalatedAt) implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("alertId", alertId).required("taskId", taskId)
                .that(escalationLevel >= 1 && escalationLevel <= 3, "escalationLevel must be 1..3")
                .required("escalatedAt", escalatedAt).result();
    }
}
