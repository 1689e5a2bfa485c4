package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A weekly 督查通报 announced to the leaders (BulletinIssued); one row per period, so each goes out once, with what it
 * said.
 */
@Entity
@Table(name = "bulletin_issue")
public class BulletinIssue extends PanacheEntityBase {
    @Id
    public String period;
    public LocalDate asOf;
    public OffsetDateTime issuedAt;
    public String eventId;
    /** The bulletin as issued (JSON); null for one issued before it was kept. */
    public String content;
}
