package cn.duban.events.alert;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 督办单: a rule found a task slipping. {@code inhibited} alerts are recorded but not announced (a RED is open). */
public record AlertRaised(String alertId, String taskId, String rule, String light, String milestone,
        int escalationLevel, List<String> units, String reason, boolean inhibited, OffsetDateTime raisedAt)
        implements EventPayload {

    public AlertRaised {
        units = units == null ? List.of() : List.copyOf(units);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("alertId", alertId).required("taskId", taskId).required("rule", rule)
                .required("light", light).required("raisedAt", raisedAt).result();
    }
}
