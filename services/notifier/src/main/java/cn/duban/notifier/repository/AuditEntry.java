package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** Who changed a receiver, the routes or a silence, when, and what. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    public Long id;
    public OffsetDateTime at;
    public String actor;
    public String action;
    public String subject;
    public String detail;

    public static void record(String actor, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now();
        entry.actor = actor;
        entry.action = action;
        entry.subject = subject;
        entry.detail = detail;
        entry.persist();
    }

    public static List<AuditEntry> of(String subject) {
        return list("subject = ?1 order by at, id", subject);
    }
}
