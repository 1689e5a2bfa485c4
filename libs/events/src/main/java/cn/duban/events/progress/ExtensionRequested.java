package cn.duban.events.progress;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 延期申请: a unit asks the office for a later deadline. The original deadline is kept on record. */
public record ExtensionRequested(String requestId, String taskId, String unit, LocalDate requestedDeadline,
        String reason, OffsetDateTime requestedAt, String requestedBy) implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("requestId", requestId).required("taskId", taskId).required("unit", unit)
                .required("requestedDeadline", requestedDeadline).required("reason", reason)
                .required("requestedAt", requestedAt).result();
    }
}
