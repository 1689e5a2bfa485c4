package cn.duban.events.alert;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** The condition behind an alert cleared; everyone who was alerted hears it. */
public record AlertResolved(String alertId, String taskId, String rule, String reason, OffsetDateTime resolvedAt)
        implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("alertId", alertId).required("taskId", taskId)
                .required("resolvedAt", resolvedAt).result();
    }
}
