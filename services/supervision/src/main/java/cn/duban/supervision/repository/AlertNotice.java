package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One notice of the alert stream, as written by the change it tells of; {@code position}, its SSE id, is given
 * after that change committed (AlertFeed), so that positions follow commit order.
 */
@Entity
@Table(name = "alert_notice")
public class AlertNotice extends PanacheEntity {
    public Long position;
    public String event;
    public String alertId;
    public String taskId;
    public String rule;
    public String light;
    public String state;
    public int escalationLevel;
    public String milestone;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;
    public String message;
    public OffsetDateTime at;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
