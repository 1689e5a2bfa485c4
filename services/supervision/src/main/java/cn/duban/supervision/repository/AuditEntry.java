package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One line of the audit trail: who did what to which task, when, and why. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50) // so inserts batch
    public Long id;
    public OffsetDateTime at;
    public String actor;
    public String action;
    @Column(name = "task_id")
    public String taskId;
    public String subject;
    public String detail;

    public static void record(OffsetDateTime at, String actor, String action, String taskId, String subject,
            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.taskId = taskId;
        entry.subject = subject;
        entry.detail = detail;
        entry.persist();
    }

    public static List<AuditEntry> ofTask(String taskId) {
        return list("taskId = ?1 order by at, id", taskId);
    }
}
