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
import org.hibernate.jpa.HibernateHints;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The ledger as it stood at the end of past days, from recorded facts only: each task evaluated by the engine as
 * {@code GET /api/supervision/tasks/{id}?asOf=} does ({@link TaskEvaluation#evaluateAt}) — the reports dated by then,
 * the completion claimed by then and verified by then — and the escalations the audit trail records by then.
 * Reads the ledger once for any number of days, three queries a chunk of tasks.
 */
@ApplicationScoped
public class LedgerAsOf {
    static final int TASKS_PER_READ = 1000;

    private int tasksPerRead = TASKS_PER_READ;

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

    /**
     * Each of {@code days} summed up by its own collector of that day's task states, returned in the order given.
     *
     * <p>The ledger is read a chunk of tasks at a time (read-only, let go once judged) and each state is handed to its
     * day's collector at once, so only what the collectors keep is ever held: a bulletin of a province's ledger keeps
     * its counts and its late tasks, not the ledger once per day (100,000 tasks ran supervision out of heap). The tasks
     * read are detached from the persistence context: call it with no task of the caller's left to change.
     */
    public <T> Map<LocalDate, T> summarised(List<LocalDate> days, Function<LocalDate, Collector<TaskState, ?, T>> collector) {
        List<Tally<?, T>> tallies = days.stream().distinct().<Tally<?, T>>map(day -> Tally.of(day, collector.apply(day)))
                .toList();
        String after = "";
        while (true) {
            List<Task> tasks = Task.<Task>find("id > ?1 order by id", after)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).page(0, tasksPerRead).list();
            if (tasks.isEmpty()) {
                break;
            }
            List<String> ids = tasks.stream().map(t -> t.id).toList();
            Map<String, List<ProgressReport>> reports = ProgressReport.ofTasks(ids);
            Map<String, CompletionClaim> claims = CompletionClaim.standingOf(ids);
            for (Tally<?, T> tally : tallies) {
                Instant end = endOf(tally.day);
                OffsetDateTime endTime = end.atZone(BusinessCalendar.ZONE).toOffsetDateTime();
                for (Task task : tasks) {
                    TaskFacts facts = TaskEvaluation.facts(task, ReportDigest.from(reports.getOrDefault(task.id, List.of()),
                            tally.day, endTime), TaskEvaluation.madeBy(claims.get(task.id), end), end);
                    tally.add(new TaskState(task, TaskEvaluator.onWorkingDays(facts, calendar),
                            evaluator.evaluateForView(facts, end)));
                }
            }
            after = ids.get(ids.size() - 1);
            tasks.forEach(entityManager::detach);
            reports.values().forEach(list -> list.forEach(entityManager::detach));
            claims.values().forEach(entityManager::detach);
        }
        Map<LocalDate, T> summaries = new LinkedHashMap<>();
        tallies.forEach(tally -> summaries.put(tally.day, tally.result()));
        return summaries;
    }

    /** How many tasks a read takes (tests read a small ledger in several chunks). */
    void readTasks(int perRead) {
        tasksPerRead = perRead;
    }

    /** One day's collector and what it has gathered so far. */
    private static final class Tally<A, T> {
        final LocalDate day;
        private final Collector<TaskState, A, T> collector;
        private final A gathered;

        private Tally(LocalDate day, Collector<TaskState, A, T> collector) {
            this.day = day;
            this.collector = collector;
            this.gathered = collector.supplier().get();
        }

        static <A, T> Tally<A, T> of(LocalDate day, Collector<TaskState, A, T> collector) {
            return new Tally<>(day, collector);
        }

        void add(TaskState state) {
            collector.accumulator().accept(gathered, state);
        }

        T result() {
            return collector.finisher().apply(gathered);
        }
    }

    /** How many of each task's alerts had been escalated (to the leader or the office) by the end of {@code day}. */
    public Map<String, Long> escalationsBy(LocalDate day) {
        return entityManager.createQuery("""
                select a.taskId, count(distinct a.subject) from AuditEntry a
                where a.action = 'alert.escalated' and a.at <= ?1 group by a.taskId""", Object[].class)
                .setParameter(1, endOf(day).atZone(BusinessCalendar.ZONE).toOffsetDateTime()).getResultList().stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    /** The last instant of {@code day} in business time, as the task view's {@code asOf} reads it. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).minusNanos(1).toInstant();
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
    }
}
