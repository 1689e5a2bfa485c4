package cn.duban.sectorkit.repository;

import cn.duban.sectorkit.domain.AlertState;
import cn.duban.sectorkit.domain.Light;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    @Id
    public String alertId;
    public String taskId;
    public String rule;
    @Enumerated(EnumType.STRING)
    public Light light;
    public String milestone;
    @Enumerated(EnumType.STRING)
    public AlertState state;
    public int escalationLevel;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;
    public OffsetDateTime raisedAt;
    public OffsetDateTime updatedAt;
}
