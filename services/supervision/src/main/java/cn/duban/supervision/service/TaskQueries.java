package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.platform.rest.Page;
import cn.duban.platform.rest.PageRequest;
import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.engine.Evaluation;
import cn.duban.supervision.repository.Acknowledgement;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.view.AlertView;
import cn.duban.supervision.view.TaskFilter;
import cn.duban.supervision.view.TaskView;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.engine.WorkingCalendar;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the ledger for the caller: tasks by sector, unit (lead or co-unit), status, light and free text in title and
 * original text, narrowed to what the caller may see (asking for more is refused, not silently cut), and one task
 * with its progress, alerts and audit as of a date.
 */
@ApplicationScoped
public class TaskQueries {
    @Inject
    EntityManager entityManager;

    @Inject
    SupervisionAccess access;

    @Inject
    TaskEvaluation evaluation;

    @Inject
    BusinessClock clock;

    @Inject
    WorkingCalendar calendar;

    /**
     * One page of the tasks the filter matches, in id order: by page number, or with {@code after} (a task id, the last
     * of the page before) the tasks following it, however deep.
     */
    public Page<TaskView.Summary> page(TaskFilter asked, PageRequest page, String after) {
        boolean goingOn = after != null && !after.isBlank();
        if (goingOn && page.page() != 0) {
            throw DubanException.invalidField("after", "after 已指明从哪一项续读,不能再给页码 page",
                    "already says where to go on from: leave page out");
        }
        return listing(asked).page(page, "id", goingOn ? new Listing.After("id > :after", after.strip()) : null,
                tasks -> tasks.stream().map(TaskView.Summary::of).toList());
    }

    /**
     * One task as the caller may see it: as stored now, or recomputed as of the end of {@code asOf} (Asia/Shanghai)
     * from the reports made and the alerts raised by then.
     */
    @Transactional
    public TaskView.Detail detail(String id, LocalDate asOf) {
        Task task = Tasks.existing(id);
        access.checkMayRead(task);
        Instant at = asOf == null ? clock.instant()
                : asOf.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).minusNanos(1).toInstant();
        TaskEvaluation.Verdict verdict = evaluation.evaluateAt(task, at);
        LocalDate day = at.atZone(BusinessCalendar.ZONE).toLocalDate();
        OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
        // now: every report received, whatever day it is dated (a unit may date a report ahead of the office's day);
        // a past day: only the reports dated by then
        List<ProgressReport> reports = ProgressReport.ofTask(id).stream().filter(r -> asOf == null || !r.asOf.isAfter(day))
                .toList();
        List<TaskView.MilestoneView> milestones = task.milestones.stream().map(m -> new TaskView.MilestoneView(m.name(),
                m.due(), reports.stream().filter(r -> r.milestonesReached.contains(m.name())).map(r -> r.asOf)
                        .min(LocalDate::compareTo).orElse(null), calendar.onOrAfter(m.due())))
                .toList();
        List<TaskView.ReportView> history = reports.stream().map(TaskView.ReportView::of).toList();
        Evaluation result = verdict.evaluation();
        TaskView.ProgressView progress = new TaskView.ProgressView(result == null ? task.percent : result.percent(),
                result == null ? task.expectedPercent : result.expectedPercent(), history.isEmpty() ? null : history.get(0),
                history);
        List<TaskView.AcknowledgementView> acknowledgements = Acknowledgement.ofTask(id).stream()
                .map(a -> new TaskView.AcknowledgementView(a.key.unit(), a.acknowledgedAt, a.acknowledgedBy)).toList();
        List<AlertView> alerts = Alert.allOf(id).stream().filter(a -> a.raisedAt.isBefore(endOfDay))
                .map(a -> AlertView.asOf(a, endOfDay, access.mayAcknowledge(a, task))).toList();
        List<TaskView.AuditView> audit = AuditEntry.ofTask(id).stream().filter(a -> a.at.isBefore(endOfDay))
                .map(a -> new TaskView.AuditView(a.at, a.actor, a.action, a.subject, a.detail)).toList();
        return new TaskView.Detail(task.id, task.year, task.sector, task.kind, task.title, task.text, task.section,
                task.plannedStart, task.deadline, task.originalDeadline,
                result == null ? task.status : result.status(), result == null ? task.light : result.light(),
                task.leadUnit, task.coUnits, task.leader, task.targets, milestones, task.reportingCycle, task.flags,
                task.ruleOverrides, progress, alerts, acknowledgements, audit, day, verdict.problem(),
                calendar.onOrAfter(task.deadline), task.monthlyPlan == null ? List.of() : task.monthlyPlan,
                TaskProvenance.of(task));
    }

    /** Every task the filter matches, in id order, without paging (the ledger export). */
    public List<Task> all(TaskFilter asked) {
        return listing(asked).all("id");
    }

    /** The tasks the filter matches, narrowed to what the caller may see. */
    private Listing<Task> listing(TaskFilter asked) {
        TaskFilter filter = access.scoped(asked);
        check(filter);
        Listing<Task> listing = new Listing<>(entityManager, "task", Task.class).equal("sector", filter.sector())
                .equal("status", Filters.nameOf("status", filter.status(), TaskStatus.class))
                .equal("light", Filters.nameOf("light", filter.light(), Light.class));
        if (filter.unit() != null) {
            // task_unit (V32): the unit's task ids in id order, so a page reads only its own tasks
            listing.and("id in (select task_id from task_unit where unit = :unit)").with("unit", filter.unit());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip();
            if (q.length() >= 2) {
                // Every two-character piece of q must be among the task's (a GIN index, V26); ILIKE keeps it exact.
                listing.and("search_grams @> duban_bigrams(lower(:grams))").with("grams", q);
            }
            listing.and("(title ilike :q escape '\\' or text ilike :q escape '\\')")
                    .with("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return listing;
    }

    private static void check(TaskFilter filter) {
        if (filter.sector() != null && Sector.fromId(filter.sector()).isEmpty()) {
            throw DubanException.invalidField("sector", "应为 %s 之一", "must be one of %s",
                    Arrays.stream(Sector.values()).map(Sector::id).toList());
        }
    }
}
