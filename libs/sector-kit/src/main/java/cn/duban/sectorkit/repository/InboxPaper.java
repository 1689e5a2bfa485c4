package cn.duban.sectorkit.repository;

import cn.duban.sectorkit.domain.PaperKind;
import cn.duban.sectorkit.domain.PaperState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A notice (督办通知单) or leader's instruction (领导批示) on one of this sector's tasks, kept in step with duban.alerts.v1. */
@Entity
@Table(name = "paper_inbox")
public class InboxPaper {

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public PaperKind kind;
    public String reference;
    public String title;
    public String taskId;
    public String text;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public PaperState state;
    public OffsetDateTime issuedAt;
    public OffsetDateTime updatedAt;

    public static String idOf(PaperKind kind, String reference) {
        return kind + ":" + reference;
    }
}
