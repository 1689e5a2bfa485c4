package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The office confirmed (or replaced) one assignment field of a task that the report does not state. */
@Entity
@Table(name = "task_field_confirmation")
public class FieldConfirmation extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public OffsetDateTime confirmedAt;
    public String confirmedBy;
    /** The value before the office replaced it, as JSON; {@code null} when confirmed as it stood. */
    public String replaced;

    /** One row per task and field. */
    @Embeddable
    public record Key(String taskId, String field) implements Serializable {
    }

    public static List<String> fieldsOf(String taskId) {
        return FieldConfirmation.<FieldConfirmation>list("key.taskId", taskId).stream().map(c -> c.key.field()).toList();
    }

    /** The confirmed fields of each of {@code taskIds} that has any, in one query. */
    public static Map<String, List<String>> fieldsOf(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return FieldConfirmation.<FieldConfirmation>list("key.taskId in ?1", taskIds).stream().collect(
                Collectors.groupingBy(c -> c.key.taskId(), Collectors.mapping(c -> c.key.field(), Collectors.toList())));
    }
}
