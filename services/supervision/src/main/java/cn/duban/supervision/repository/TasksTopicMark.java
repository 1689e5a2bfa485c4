package cn.duban.supervision.repository;

import cn.duban.platform.persistence.SingleRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The Kafka cluster that holds every task's current snapshot on duban.tasks.v1 (one row). */
@Entity
@Table(name = "tasks_topic_mark")
public class TasksTopicMark extends SingleRow {
    public String clusterId;
    public OffsetDateTime markedAt;
}
