package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** 催办: a reminder sent on a task, automatically for an unacknowledged alert or by the office. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {
    @Id
    public String id;
    public String taskId;
    public String alertId;
    public String message;
    public boolean manual;
    public OffsetDateTime sentAt;
    public String sentBy;
}
