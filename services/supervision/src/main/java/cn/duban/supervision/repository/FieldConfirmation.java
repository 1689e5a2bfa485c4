package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The office confirmed (or replaced) one assignment field of a task that the report does not state. */
@Entity
@Table(name = "task_field_confirmation")
@IdClass(FieldConfirmation.Key.class)
public class FieldConfirmation extends PanacheEntityBase {
    @Id
    public String taskId;
    @Id
    public String field;
    public OffsetDateTime confirmedAt;
    public String confirmedBy;
    /** The value before the office replaced it, as JSON; {@code null} when confirmed as it stood. */
    public String replaced;

    public static class Key implements Serializable {
        public String taskId;
        public String field;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(taskId, k.taskId) && Objects.equals(field, k.field);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, field);
        }
    }

    public static List<String> fieldsOf(String taskId) {
        return FieldConfirmation.<FieldConfirmation>list("taskId", taskId).stream().map(c -> c.field).toList();
    }

    /** The confirmed fields of each of {@code taskIds} that has any, in one query. */
    public static Map<String, List<String>> fieldsOf(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return FieldConfirmation.<FieldConfirmation>list("taskId in ?1", taskIds).stream().collect(
                Collectors.groupingBy(c -> c.taskId, Collectors.mapping(c -> c.field, Collectors.toList())));
    }
}
