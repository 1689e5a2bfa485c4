package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The Kafka cluster that holds every task's current snapshot on duban.tasks.v1 (one row). */
@Entity
@Table(name = "tasks_topic_mark")
public class TasksTopicMark extends PanacheEntityBase {
    public static final int THE_ONE = 1;

    @Id
    public int id = THE_ONE;
    public String clusterId;
    public OffsetDateTime markedAt;
}
