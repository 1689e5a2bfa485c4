package cn.duban.events.alert;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 催办: a reminder to the units of a task, automatic (an alert not acknowledged for 3 days) or by the office. */
public record ReminderSent(String reminderId, String taskId, String alertId, List<String> units, String message,
        boolean manual, OffsetDateTime sentAt, String sentBy) implements EventPayload {

    public ReminderSent {
        units = units == null ? List.of() : List.copyOf(units);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("reminderId", reminderId).required("taskId", taskId)
                .required("message", message).required("sentAt", sentAt).result();
    }
}
