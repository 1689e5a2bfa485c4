package cn.duban.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * One line of a service's audit trail: who did what to which subject, when, and the detail. Each service keeps its own
 * trail in its own {@code audit_entry} table and may add columns; the id comes from the table's sequence
 * ({@code audit_entry_seq}, 50 at a time, so inserts batch).
 */
@MappedSuperclass
public abstract class AuditLine extends PanacheEntity {
    public OffsetDateTime at;
    public String actor;
    public String action;
    public String subject;
    public String detail;

    protected AuditLine() {
    }

    protected AuditLine(OffsetDateTime at, String actor, String action, String subject, String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.detail = detail;
    }
}
