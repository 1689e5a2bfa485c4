package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of the audit trail: who did what to which task (none for an import or a clock move), when, and why.
 * {@code at} is business time (the demo's 2022, so {@code ?asOf=} works), {@code wallAt} the machine's; {@code actor}
 * is the user name and {@code actorId} the token's subject, when a signed-in caller did it ("system" otherwise, or
 * the reporter named by an authenticated sector service's event).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50) // so inserts batch
    public Long id;
    public OffsetDateTime at;
    public OffsetDateTime wallAt;
    public String actor;
    public String actorId;
    public String action;
    public String taskId;
    public String subject;
    public String detail;

    /** An entry for the system itself or for an actor named by an event. */
    public static void record(OffsetDateTime at, String actor, String action, String taskId, String subject,
            String detail) {
        record(at, actor, null, action, taskId, subject, detail);
    }

    public static void record(OffsetDateTime at, String actor, String actorId, String action, String taskId,
            String subject, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = at;
        entry.wallAt = OffsetDateTime.now();
        entry.actor = actor;
        entry.actorId = actorId;
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
