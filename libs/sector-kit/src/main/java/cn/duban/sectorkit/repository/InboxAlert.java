package cn.duban.sectorkit.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert on one of this sector's tasks, kept in step with duban.alerts.v1. */
@Entity
@Table(name = "alert_inbox")
public class InboxAlert {
    public static final String RESOLVED = "RESOLVED";

    @Id
    @Column(name = "alert_id")
    public String alertId;
    @Column(name = "task_id")
    public String taskId;
    public String rule;
    public String light;
    public String milestone;
    public String state;
    @Column(name = "escalation_level")
    public int escalationLevel;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;
    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
