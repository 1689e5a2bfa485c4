package cn.duban.notifier.repository;

import cn.duban.platform.persistence.AuditLine;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** Who changed a receiver, the routes or a silence, when, and what. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends AuditLine {
    protected AuditEntry() {
    }

    private AuditEntry(String actor, String action, String subject, String detail) {
        super(OffsetDateTime.now(), actor, action, subject, detail);
    }

    public static void record(String actor, String action, String subject, String detail) {
        new AuditEntry(actor, action, subject, detail).persist();
    }

    public static List<AuditEntry> of(String subject) {
        return list("subject = ?1 order by at, id", subject);
    }
}
