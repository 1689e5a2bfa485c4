package cn.duban.notifier.repository;

import cn.duban.notifier.routing.Labels;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Something people should hear about: an alert (督办单) as its events on duban.alerts.v1 describe it, or a one-off
 * notice such as the office's own reminder (催办). {@code version} rises with every change worth announcing; a group
 * announces a notice when its version is above the one the group last announced.
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public enum Kind {
        /** An alert: it fires until resolved, and a group repeats it while it does. */
        ALERT,
        /** Said once (a manual reminder): announced, then done. */
        ONE_OFF
    }

    public enum State {
        OPEN, ACKNOWLEDGED, RESOLVED
    }

    /** The last change, also the {@code event} label routes can match (raised, escalated, …). */
    public enum Change {
        RAISED, ESCALATED, REMINDED, ACKNOWLEDGED, RESOLVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String taskId;
    public String sector;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> units = List.of();
    public String light;
    public String rule;
    public String milestone;
    public int level = 1;
    @Enumerated(EnumType.STRING)
    public State state;
    /** Raised while a RED finding of the task stood (the engine's flag); recorded, the notifier decides at send time. */
    public boolean inhibited;
    public String reason;
    /** The reminder's own words, for a reminder. */
    public String message;
    public String escalatedTo;
    public String acknowledgedBy;
    /** Business time. */
    public OffsetDateTime raisedAt;
    @Enumerated(EnumType.STRING)
    public Change lastChange;
    /** Business time of the last change. */
    public OffsetDateTime changedAt;
    public int version;
    /** Wall time the notifier received the last change. */
    public OffsetDateTime receivedAt;

    public boolean isOpen() {
        return state != State.RESOLVED;
    }

    /** The labels routes and silences match: the notice's own, and the task's leader when the task is known. */
    public Labels labels(TaskCard task) {
        Labels.Builder labels = Labels.builder()
                .put(Labels.KIND, kind == Kind.ALERT ? "alert" : "reminder")
                .put(Labels.TASK_ID, taskId)
                .put(Labels.SECTOR, sector)
                .put(Labels.LIGHT, light)
                .put(Labels.RULE, rule)
                .put(Labels.LEVEL, level)
                .put(Labels.EVENT, lastChange.label())
                .putAll(Labels.UNIT, units);
        if (kind == Kind.ALERT) {
            labels.put(Labels.ALERT_ID, id);
        }
        if (task != null) {
            labels.put(Labels.LEADER, task.leader);
        }
        return labels.build();
    }

    /** Whether an open RED alert of {@code taskId} stands: it inhibits the task's other notices, as in the engine. */
    public static boolean openRedOn(String taskId) {
        return count("taskId = ?1 and light = 'RED' and state <> ?2", taskId, State.RESOLVED) > 0;
    }
}
