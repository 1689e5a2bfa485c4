package cn.duban.supervision.repository;

import cn.duban.platform.persistence.AuditLine;
import jakarta.persistence.Entity;
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
public class AuditEntry extends AuditLine {
    public OffsetDateTime wallAt;
    public String actorId;
    public String taskId;

    protected AuditEntry() {
    }

    private AuditEntry(OffsetDateTime at, String actor, String action, String subject, String detail) {
        super(at, actor, action, subject, detail);
    }

    /** An entry for the system itself or for an actor named by an event. */
    public static void record(OffsetDateTime at, String actor, String action, String taskId, String subject,
            String detail) {
        record(at, actor, null, action, taskId, subject, detail);
    }

    public static void record(OffsetDateTime at, String actor, String actorId, String action, String taskId,
            String subject, String detail) {
        AuditEntry entry = new AuditEntry(at, actor, action, subject, detail);
        entry.wallAt = OffsetDateTime.now();
        entry.actorId = actorId;
        entry.taskId = taskId;
        entry.persist();
    }

    public static List<AuditEntry> ofTask(String taskId) {
        return list("taskId = ?1 order by at, id", taskId);
    }
}
