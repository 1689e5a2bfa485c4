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
        return unresolvedOf(List.of(taskId)).getOrDefault(taskId, List.of());
    }

    /**
     * The unresolved alerts of each of {@code taskIds}, oldest first, in one query (every event batch and re-evaluation
     * chunk asks). The state is written into the SQL as alert_one_open_idx's predicate (V2), not bound, so that index,
     * which holds only unresolved alerts, serves it under any plan: with a bound state a cached generic plan went through
     * alert_task_idx and read every alert the tasks ever had, resolved ones included.
     */
    public static Map<String, List<Alert>> unresolvedOf(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Alert> unresolved = getEntityManager().createNativeQuery("""
                select * from alert where task_id in (:ids) and state <> 'RESOLVED' order by raised_at""", Alert.class)
                .setParameter("ids", taskIds).getResultList();
        return unresolved.stream().collect(Collectors.groupingBy(a -> a.taskId));
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
