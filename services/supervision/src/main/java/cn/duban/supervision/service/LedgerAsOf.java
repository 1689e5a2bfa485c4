package cn.duban.supervision.service;

import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.engine.Evaluation;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskEvaluator;
import cn.duban.supervision.engine.TaskFacts;
import cn.duban.supervision.engine.WorkingCalendar;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.ReportDigest;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger as it stood at the end of past days, from recorded facts only: each task evaluated by the engine as
 * {@code GET /api/supervision/tasks/{id}?asOf=} does ({@link TaskEvaluation#evaluateAt}) — the reports dated by then,
 * the completion claimed by then and verified by then — and the escalations the audit trail records by then.
 * Reads the ledger once for any number of days, so a year's weekly trend costs three queries.
 */
@ApplicationScoped
public class LedgerAsOf {
    @Inject
    WorkingCalendar calendar;

    @Inject
    TaskEvaluator evaluator;

    @Inject
    EntityManager entityManager;

    /** One task at the end of one day: the task, the facts the engine judged (due dates on working days), and its verdict. */
    public record TaskState(Task task, TaskFacts facts, Evaluation evaluation) {
        public TaskStatus status() {
            return evaluation.status();
        }

        public Light light() {
            return evaluation.light();
        }

        public boolean completed() {
            return status() == TaskStatus.COMPLETED || status() == TaskStatus.COMPLETED_LATE;
        }
    }

    /** Every task of the ledger at the end of each of {@code days}, in id order, keyed by day in the order given. */
    public Map<LocalDate, List<TaskState>> at(Collection<LocalDate> days) {
        return summarised(days, (day, states) -> states);
    }

    /**
     * Each day's states reduced by {@code summary} as soon as they are judged, so that only the summaries are held:
     * a bulletin's trend (every Sunday of the year) would otherwise keep the whole ledger once per Sunday.
     */
    public <T> Map<LocalDate, T> summarised(Collection<LocalDate> days, BiFunction<LocalDate, List<TaskState>, T> summary) {
        List<Task> tasks = Task.<Task>list("order by id");
        List<String> ids = tasks.stream().map(t -> t.id).toList();
        Map<String, List<ProgressReport>> reports = ids.isEmpty() ? Map.of() : ProgressReport.ofTasks(ids);
        Map<String, CompletionClaim> claims = ids.isEmpty() ? Map.of() : CompletionClaim.standingOf(ids);
        Map<LocalDate, T> summaries = new LinkedHashMap<>();
        for (LocalDate day : days) {
            Instant end = endOf(day);
            List<TaskState> then = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                TaskFacts facts = TaskEvaluation.facts(task, ReportDigest.from(reports.getOrDefault(task.id, List.of()),
                        day, end.atZone(BusinessCalendar.ZONE).toOffsetDateTime()),
                        TaskEvaluation.madeBy(claims.get(task.id), end), end);
                then.add(new TaskState(task, TaskEvaluator.onWorkingDays(facts, calendar), evaluator.evaluateForView(facts, end)));
            }
            summaries.put(day, summary.apply(day, then));
        }
        return summaries;
    }

    public List<TaskState> at(LocalDate day) {
        return at(List.of(day)).get(day);
    }

    /** How many of each task's alerts had been escalated (to the leader or the office) by the end of {@code day}. */
    public Map<String, Long> escalationsBy(LocalDate day) {
        return entityManager.createQuery("""
                select a.taskId, count(distinct a.subject) from AuditEntry a
                where a.action = 'alert.escalated' and a.at <= ?1 group by a.taskId""", Object[].class)
                .setParameter(1, endOf(day).atZone(BusinessCalendar.ZONE).toOffsetDateTime()).getResultList().stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    public static Map<String, TaskStatus> statuses(List<TaskState> states) {
        return states.stream().collect(Collectors.toMap(s -> s.task().id, TaskState::status));
    }

    public static Map<String, TaskState> byId(List<TaskState> states) {
        return states.stream().collect(Collectors.toMap(s -> s.task().id, Function.identity()));
    }

    /** The last instant of {@code day} in business time, as the task view's {@code asOf} reads it. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).minusNanos(1).toInstant();
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
    }
}
