package cn.duban.supervision.repository;

import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.OpenAlert;
import cn.duban.supervision.engine.RuleId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.duban.supervision.engine.AlertState;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 督办单: one alert of one task, from raise to resolution. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {
    @Id
    public String id;
    public String taskId;
    @Enumerated(EnumType.STRING)
    public RuleId rule;
    public String milestone;
    @Enumerated(EnumType.STRING)
    public Light light;
    @Enumerated(EnumType.STRING)
    public AlertState state;
    public int escalationLevel;
    public boolean inhibited;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;
    public OffsetDateTime raisedAt;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;
    public OffsetDateTime lastReminderAt;
    public OffsetDateTime resolvedAt;
    public String resolution;

    public static List<Alert> unresolvedOf(String taskId) {
        return list("taskId = ?1 and state <> ?2 order by raisedAt", taskId, AlertState.RESOLVED);
    }

    /** The unresolved alerts of each of {@code taskIds}, oldest first as in {@link #unresolvedOf(String)}, in one query. */
    public static Map<String, List<Alert>> unresolvedOf(Collection<String> taskIds) {
        return Alert.<Alert>list("taskId in ?1 and state <> ?2 order by raisedAt", taskIds, AlertState.RESOLVED).stream()
                .collect(Collectors.groupingBy(a -> a.taskId));
    }

    public static List<Alert> allOf(String taskId) {
        return list("taskId = ?1 order by raisedAt desc", taskId);
    }

    public OpenAlert toOpenAlert() {
        return new OpenAlert(id, rule, milestone, light,
                state == AlertState.ACKNOWLEDGED ? OpenAlert.State.ACKNOWLEDGED : OpenAlert.State.OPEN, raisedAt.toInstant(),
                escalationLevel, lastReminderAt == null ? null : lastReminderAt.toInstant());
    }
}
