package cn.duban.events.progress;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 签收: a unit confirmed it received a task assigned to it. */
public record AssignmentAcknowledged(String taskId, String unit, OffsetDateTime acknowledgedAt, String acknowledgedBy)
        implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("taskId", taskId).required("unit", unit)
                .required("acknowledgedAt", acknowledgedAt).result();
    }
}
