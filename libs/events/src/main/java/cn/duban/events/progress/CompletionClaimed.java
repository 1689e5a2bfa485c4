package cn.duban.events.progress;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 办结申请: a unit claims a task is done; only the office's verification makes it COMPLETED. */
public record CompletionClaimed(String claimId, String taskId, String unit, LocalDate completedOn, String narrative,
        List<String> evidence, OffsetDateTime claimedAt, String claimedBy) implements EventPayload {

    public CompletionClaimed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("claimId", claimId).required("taskId", taskId).required("unit", unit)
                .required("completedOn", completedOn).required("claimedAt", claimedAt).result();
    }
}
