package cn.duban.notifier.repository;

import cn.duban.events.task.Milestone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A task as duban.tasks.v1 last described it: what a message needs to say what is late and who answers. */
@Entity
@Table(name = "task_card")
public class TaskCard extends PanacheEntityBase {
    @Id
    public String taskId;
    public String sector;
    public String title;
    public String leadUnit;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> coUnits = List.of();
    public String leader;
    public LocalDate deadline;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Milestone> milestones = List.of();
    public boolean closed;
    public OffsetDateTime updatedAt;
}
