package cn.duban.events.progress;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 办结申请: a unit claims a task is done; only the office's verification makes it COMPLETED. {@code evidence} and
 * {@code evidenceFiles} as in {@link ProgressReported}.
 */
public record CompletionClaimed(String claimId, String taskId, String unit, LocalDate completedOn, String narrative,
        List<String> evidence, OffsetDateTime claimedAt, String claimedBy, List<EvidenceFile> evidenceFiles)
        implements EventPayload {

    @JsonCreator
    public CompletionClaimed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
    }

    /** A claim without uploaded files. */
    public CompletionClaimed(String claimId, String taskId, String unit, LocalDate completedOn, String narrative,
            List<String> evidence, OffsetDateTime claimedAt, String claimedBy) {
        this(claimId, taskId, unit, completedOn, narrative, evidence, claimedAt, claimedBy, List.of());
    }

    @Override
    public List<String> violations() {
        Checks checks = Checks.of(this).required("claimId", claimId).required("taskId", taskId).required("unit", unit)
                .required("completedOn", completedOn).required("claimedAt", claimedAt);
        evidenceFiles.forEach(e -> checks.required("evidenceFiles.id", e.id()).required("evidenceFiles.sha256", e.sha256()));
        return checks.result();
    }
}
