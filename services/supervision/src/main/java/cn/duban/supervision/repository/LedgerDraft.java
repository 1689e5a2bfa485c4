package cn.duban.supervision.repository;

import cn.duban.supervision.draft.DraftTask;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A draft ledger: the report's text and the tasks drafted from it, under review until it is published. */
@Entity
@Table(name = "ledger_draft")
public class LedgerDraft extends PanacheEntityBase {

    /** Under review; ledger ids given and the import under way (or interrupted); published. */
    public enum State {
        OPEN, PUBLISHING, PUBLISHED
    }

    @Id
    public String id;
    public int year;
    public boolean yearFound;
    public String sourceName;
    public String report;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<DraftTask> tasks;
    @Enumerated(EnumType.STRING)
    public State state;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> published;
    public OffsetDateTime createdAt;
    public String createdBy;
    public OffsetDateTime updatedAt;
    public OffsetDateTime publishedAt;
    public String publishedBy;
}
