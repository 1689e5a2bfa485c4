package cn.duban.supervision.repository;

import cn.duban.events.progress.EvidenceFile;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 办结申请 as the office sees it: PENDING until verified (销号) or rejected with a reason. */
@Entity
@Table(name = "completion_claim")
public class CompletionClaim extends OfficeRequest {
    private static final List<OfficeDecision.State> STANDING = List.of(OfficeDecision.State.VERIFIED,
            OfficeDecision.State.PENDING);

    public LocalDate completedOn;
    public String narrative;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> evidence;
    /** The uploaded files among {@link #evidence}, as the sector service read them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EvidenceFile> evidenceFiles;
    public OffsetDateTime claimedAt;
    public String claimedBy;

    /** The claims in {@code state} on {@code taskId}, oldest first; a filter left null matches all. */
    public static List<CompletionClaim> matching(OfficeDecision.State state, String taskId) {
        return list("(?1 is null or decision.state = ?1) and (?2 is null or taskId = ?2) order by claimedAt, id", state,
                taskId);
    }

    /** The claim that decides the task's completion: the verified one, else the newest pending one. */
    public static Optional<CompletionClaim> standing(String taskId) {
        return standing(CompletionClaim.<CompletionClaim>list("taskId = ?1 and decision.state in ?2", taskId, STANDING));
    }

    /** The standing claim of each of {@code taskIds} that has one, in one query. */
    public static Map<String, CompletionClaim> standingOf(Collection<String> taskIds) {
        Map<String, List<CompletionClaim>> byTask = CompletionClaim.<CompletionClaim>list(
                "taskId in ?1 and decision.state in ?2", taskIds, STANDING).stream()
                .collect(Collectors.groupingBy(c -> c.taskId));
        Map<String, CompletionClaim> standing = new HashMap<>();
        byTask.forEach((taskId, claims) -> standing(claims).ifPresent(c -> standing.put(taskId, c)));
        return standing;
    }

    private static Optional<CompletionClaim> standing(List<CompletionClaim> verifiedOrPending) {
        Optional<CompletionClaim> verified = verifiedOrPending.stream().filter(c -> c.decision.state == OfficeDecision.State.VERIFIED).findFirst();
        return verified.isPresent() ? verified : verifiedOrPending.stream().filter(c -> c.decision.isPending())
                .max(Comparator.comparing(c -> c.claimedAt));
    }

    @Override
    public String workflow() {
        return "completion";
    }

    @Override
    public OfficeDecision.State granted() {
        return OfficeDecision.State.VERIFIED;
    }
}
