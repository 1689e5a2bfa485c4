package cn.duban.events.alert;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** The responsible unit (or a leader, for its own escalation) took note of an alert; reminders stop. */
public record AlertAcknowledged(String alertId, String taskId, String acknowledgedBy, OffsetDateTime acknowledgedAt)
        implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("alertId", alertId).required("taskId", taskId)
                .required("acknowledgedAt", acknowledgedAt).result();
    }
}
