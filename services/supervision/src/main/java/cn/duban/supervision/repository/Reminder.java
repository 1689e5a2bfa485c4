package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "task_id")
    public String taskId;
    @Column(name = "alert_id")
    public String alertId;
    public String message;
    public boolean manual;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "sent_by")
    public String sentBy;
}
