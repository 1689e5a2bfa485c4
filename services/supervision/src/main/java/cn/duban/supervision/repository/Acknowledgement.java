package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** 签收: a unit confirmed receipt of a task assigned to it. */
@Entity
@Table(name = "assignment_acknowledgement")
@IdClass(Acknowledgement.Key.class)
public class Acknowledgement extends PanacheEntityBase {
    @Id
    public String taskId;
    @Id
    public String unit;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;

    public static class Key implements Serializable {
        public String taskId;
        public String unit;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(taskId, k.taskId) && java.util.Objects.equals(unit, k.unit);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(taskId, unit);
        }
    }

    public static List<Acknowledgement> ofTask(String taskId) {
        return list("taskId = ?1 order by acknowledgedAt", taskId);
    }
}
