package cn.duban.sectorkit.repository;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A task assigned to one of this sector's units, as duban.tasks.v1 last described it. */
@Entity
@Table(name = "assigned_task")
public class AssignedTask {
    @Id
    public String id;
    public String sector;
    public String title;
    public String leadUnit;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> coUnits;
    public String leader;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Target> targets;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Milestone> milestones;
    public LocalDate deadline;
    public LocalDate originalDeadline;
    public boolean closed;
    @JdbcTypeCode(SqlTypes.JSON)
    public TaskSnapshot snapshot;
    public OffsetDateTime updatedAt;

    public void apply(TaskSnapshot task) {
        id = task.id();
        sector = task.sector();
        title = task.title();
        leadUnit = task.leadUnit();
        coUnits = task.coUnits();
        leader = task.leader();
        targets = task.targets();
        milestones = task.milestones();
        deadline = task.deadline();
        originalDeadline = task.originalDeadline();
        snapshot = task;
        updatedAt = OffsetDateTime.now();
    }

    /** The lead unit, then the co-units. */
    public List<String> units() {
        List<String> all = new java.util.ArrayList<>(coUnits.size() + 1);
        all.add(leadUnit);
        all.addAll(coUnits);
        return all;
    }

    public boolean involves(String unit) {
        return leadUnit.equals(unit) || coUnits.contains(unit);
    }
}
