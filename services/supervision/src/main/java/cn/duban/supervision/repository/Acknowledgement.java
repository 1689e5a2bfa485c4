package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** 签收: a unit confirmed receipt of a task assigned to it. */
@Entity
@Table(name = "assignment_acknowledgement")
public class Acknowledgement extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;

    /** One row per task and unit. */
    @Embeddable
    public record Key(String taskId, String unit) implements Serializable {
    }

    public static List<Acknowledgement> ofTask(String taskId) {
        return list("key.taskId = ?1 order by acknowledgedAt", taskId);
    }
}
