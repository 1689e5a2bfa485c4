package cn.duban.supervision.repository;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.MonthlyPlan;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.engine.TaskStatus;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One task of the ledger, with the status and light of its latest evaluation. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
    @Id
    public String id;
    public int year;
    public String sector;
    public String title;
    @Enumerated(EnumType.STRING)
    public TaskKind kind;
    /** The commitment's strength from its targets' ({@link Strength#ofTask}), kept for the scorecard's query. */
    @Enumerated(EnumType.STRING)
    public Strength strength;
    public String text;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> section;
    public String leadUnit;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> coUnits;
    public String leader;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Target> targets;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Milestone> milestones;
    public LocalDate plannedStart;
    public LocalDate deadline;
    public LocalDate originalDeadline;
    public String reportingCycle;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> flags;
    @JdbcTypeCode(SqlTypes.JSON)
    public LedgerFile.RuleOverride ruleOverrides;
    /** The task's monthly plan (分月计划), cumulative percents; {@code null}: none, the default curve applies. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<MonthlyPlan.Month> monthlyPlan;
    public String contentHash;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    @Enumerated(EnumType.STRING)
    public Light light;
    /** Why the last evaluation of this task failed (shown to the office as 无法评估); {@code null} when it did not. */
    public String evaluationProblem;
    public int percent;
    public int expectedPercent;
    public LocalDate evaluatedOn;
    /** The first date the task must be evaluated again with no new input; {@code null}: at the next run. */
    public LocalDate reevaluateFrom;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** The tasks {@code unit} leads or co-leads, in id order, through task_unit (V32: kept by the database). */
    public static List<Task> ofUnit(String unit) {
        @SuppressWarnings("unchecked")
        List<Task> tasks = getEntityManager().createNativeQuery("""
                select * from task where id in (select task_id from task_unit where unit = :unit) order by id""", Task.class).setParameter("unit", unit).getResultList();
        return tasks;
    }

    /** The units answering for the task: the lead unit first, then its co-units. */
    public List<String> units() {
        List<String> units = new ArrayList<>(coUnits);
        units.add(0, leadUnit);
        return units;
    }

    public TaskSnapshot toSnapshot() {
        return new TaskSnapshot(id, year, sector, title, text, section, leadUnit, coUnits, leader, targets, milestones,
                plannedStart, deadline, originalDeadline, reportingCycle, flags, kind == null ? null : kind.name());
    }

    /** Takes the ledger's content; status and light stay until the next evaluation. */
    public void apply(TaskSnapshot snapshot, String hash) {
        id = snapshot.id();
        year = snapshot.year();
        sector = snapshot.sector();
        title = snapshot.title();
        text = snapshot.text();
        section = snapshot.section();
        leadUnit = snapshot.leadUnit();
        coUnits = snapshot.coUnits();
        leader = snapshot.leader();
        targets = snapshot.targets();
        milestones = snapshot.milestones();
        plannedStart = snapshot.plannedStart();
        deadline = snapshot.deadline();
        originalDeadline = snapshot.originalDeadline();
        reportingCycle = snapshot.reportingCycle();
        flags = snapshot.flags();
        kind = snapshot.kind() == null ? null : TaskKind.valueOf(snapshot.kind());
        strength = Strength.ofTask(targets.stream()
                .map(t -> t.strength() == null ? Strength.MUST : Strength.valueOf(t.strength())).toList());
        contentHash = hash;
    }
}
