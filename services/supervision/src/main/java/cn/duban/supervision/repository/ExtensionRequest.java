package cn.duban.supervision.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 延期申请 as the office sees it: PENDING until approved (the new date becomes the deadline) or rejected. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends OfficeRequest {
    public LocalDate requestedDeadline;
    public String reason;
    public OffsetDateTime requestedAt;
    public String requestedBy;

    /** The requests in {@code state} on {@code taskId}, oldest first; a filter left null matches all. */
    public static List<ExtensionRequest> matching(OfficeDecision.State state, String taskId) {
        return list("(?1 is null or decision.state = ?1) and (?2 is null or taskId = ?2) order by requestedAt, id",
                state, taskId);
    }

    @Override
    public String workflow() {
        return "extension";
    }

    @Override
    public OfficeDecision.State granted() {
        return OfficeDecision.State.APPROVED;
    }
}
