package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 办结申请 as the office sees it: PENDING until verified (销号) or rejected with a reason. */
@Entity
@Table(name = "completion_claim")
public class CompletionClaim extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "task_id")
    public String taskId;
    public String unit;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    public String narrative;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> evidence;
    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;
    @Column(name = "claimed_by")
    public String claimedBy;
    public String state;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_reason")
    public String decisionReason;

    /** The claim that decides the task's completion: the verified one, else the newest pending one. */
    public static Optional<CompletionClaim> standing(String taskId) {
        Optional<CompletionClaim> verified = find("taskId = ?1 and state = 'VERIFIED'", taskId).firstResultOptional();
        return verified.isPresent() ? verified
                : find("taskId = ?1 and state = 'PENDING' order by claimedAt desc", taskId).firstResultOptional();
    }
}
