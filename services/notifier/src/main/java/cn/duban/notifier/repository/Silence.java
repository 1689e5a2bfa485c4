package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 静默: notices matching every matcher are not sent between startsAt and endsAt (business time). */
@Entity
@Table(name = "silence")
public class Silence extends PanacheEntityBase {
    @Id
    public String id;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> matchers;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public String comment;
    public String createdBy;
    public OffsetDateTime createdAt;
    public String endedBy;
    public OffsetDateTime endedAt;

    /** Silences in force at {@code at}. */
    public static List<Silence> activeAt(OffsetDateTime at) {
        return list("startsAt <= ?1 and endsAt > ?1 order by createdAt", at);
    }

    /** Silences not yet over at {@code at}, newest first: what the office's page shows. */
    public static List<Silence> notOverAt(OffsetDateTime at) {
        return list("endsAt > ?1 order by createdAt desc", at);
    }
}
