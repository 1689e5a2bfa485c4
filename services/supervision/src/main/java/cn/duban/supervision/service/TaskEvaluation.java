package cn.duban.supervision.service;

import cn.duban.events.progress.Figure;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.supervision.engine.AlertReconciler;
import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.engine.Completion;
import cn.duban.supervision.engine.Evaluation;
import cn.duban.supervision.engine.MilestoneFacts;
import cn.duban.supervision.engine.RuleId;
import cn.duban.supervision.engine.RuleOverrides;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TargetFacts;
import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.TaskEvaluator;
import cn.duban.supervision.engine.TaskFacts;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.MonthlyPlan;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.OfficeDecision;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.ReportDigest;
import cn.duban.supervision.repository.Task;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns stored tasks and their reports into the engine's facts, evaluates them and keeps the result.
 *
 * <p>Two evaluations of one task never run at once: every evaluation first locks its tasks' rows, in id order
 * (so two evaluations of overlapping sets cannot deadlock), and only then reads their alerts and reports, so the
 * second sees what the first committed. A task that cannot be evaluated (a fact the engine refuses) is skipped,
 * counted ({@code duban_evaluation_failures_total}), logged with its id and marked for the office (无法评估); the
 * other tasks are evaluated all the same.
 *
 * <p>Each evaluation also keeps the first date the task must be evaluated again if nothing new comes in
 * ({@code Task.reevaluateFrom}, read by {@link Reevaluation}): the engine's next boundary, the next escalation or
 * reminder of its alerts, or the date a report, claim or decision stamped later than the clock (the demo clock moved
 * back) comes into view, whichever is first. Every input that changes what the engine reads evaluates its task here
 * at once, which sets the date anew.
 */
@ApplicationScoped
public class TaskEvaluation {
    private static final Logger LOG = Logger.getLogger(TaskEvaluation.class);

    @Inject
    BusinessClock clock;

    @Inject
    AlertDesk alerts;

    @Inject
    MeterRegistry metrics;

    @Inject
    TaskEvaluator evaluator;

    @Inject
    AlertReconciler reconciler;

    /** Stored when only a new input can change a task's evaluation. */
    static final LocalDate NO_BOUNDARY = LocalDate.of(9999, 12, 31);

    /** Locks the tasks, evaluates each now, keeps status and light and brings its alerts in step; returns how many failed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluate(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        return evaluateLocked(Task.<Task>find("id in ?1 order by id", taskIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list());
    }

    /** The same for tasks the caller has already read with {@link LockModeType#PESSIMISTIC_WRITE}, in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluateLocked(List<Task> tasks) {
        Instant now = clock.instant();
        OffsetDateTime at = now.atZone(BusinessCalendar.ZONE).toOffsetDateTime();
        List<String> ids = tasks.stream().map(t -> t.id).toList();
        Map<String, ReportDigest> reports = ReportDigest.of(ids, at.toLocalDate(), at);
        Map<String, CompletionClaim> claims = CompletionClaim.standingOf(ids);
        Map<String, List<Alert>> unresolved = Alert.unresolvedOf(ids);
        Map<String, LocalDate> laterReports = ReportDigest.comingIntoView(ids, at.toLocalDate(), at);
        int failed = 0;
        for (Task task : tasks) {
            Verdict verdict = judge(task, reports.getOrDefault(task.id, ReportDigest.NONE),
                    madeBy(claims.get(task.id), now), now);
            task.reevaluateFrom = null;
            task.evaluationProblem = verdict.problem(); // null once it can be evaluated again
            if (verdict.evaluation() == null) {
                // the rest of the ledger goes on; the office sees this task as 无法评估 with the reason
                LOG.errorf("task %s cannot be evaluated: %s", task.id, verdict.problem());
                metrics.counter("duban.evaluation.failures").increment();
                failed++;
                continue;
            }
            Evaluation evaluation = verdict.evaluation();
            List<Alert> open = unresolved.getOrDefault(task.id, List.of());
            LocalDate followUp = reconciler.nextFollowUp(open.stream().map(Alert::toOpenAlert).toList(),
                    evaluation.findings(), now).orElse(null);
            task.reevaluateFrom = earliest(evaluation.nextBoundary(), followUp, laterReports.get(task.id),
                    laterDecision(claims.get(task.id), now));
            alerts.reconcile(task, open, evaluation.findings(), now);
            task.status = evaluation.status();
            task.light = evaluation.light();
            task.percent = evaluation.percent();
            task.expectedPercent = evaluation.expectedPercent();
            task.evaluatedOn = evaluation.evaluatedOn();
        }
        return failed;
    }

    /**
     * The engine's verdict on {@code task} at {@code at}, from the reports made and received by then; nothing is
     * stored. {@link Verdict#evaluation()} is {@code null} when the task cannot be evaluated.
     */
    public Verdict evaluateAt(Task task, Instant at) {
        OffsetDateTime time = at.atZone(BusinessCalendar.ZONE).toOffsetDateTime();
        ReportDigest digest = ReportDigest.of(List.of(task.id), time.toLocalDate(), time)
                .getOrDefault(task.id, ReportDigest.NONE);
        return judge(task, digest, madeBy(CompletionClaim.standing(task.id).orElse(null), at), at);
    }

    /** An evaluation, or why there is none: the engine refused the task's facts (e.g. a value out of its range). */
    public record Verdict(Evaluation evaluation, String problem) {
    }

    private Verdict judge(Task task, ReportDigest reports, CompletionClaim claim, Instant now) {
        try {
            return new Verdict(evaluator.evaluate(facts(task, reports, claim, now), now), null);
        } catch (RuntimeException e) {
            LOG.debugf(e, "task %s cannot be evaluated", task.id);
            return new Verdict(null, abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static LocalDate earliest(LocalDate... dates) {
        return Stream.of(dates).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(NO_BOUNDARY);
    }

    /** The date a standing claim or its decision made after {@code at} comes into view; null if none. */
    private static LocalDate laterDecision(CompletionClaim claim, Instant at) {
        if (claim == null) {
            return null;
        }
        return Stream.of(claim.claimedAt, claim.decision == null ? null : claim.decision.decidedAt)
                .filter(Objects::nonNull).map(OffsetDateTime::toInstant).filter(time -> time.isAfter(at))
                .map(BusinessCalendar::dateOf).min(LocalDate::compareTo).orElse(null);
    }

    /** The claim if it had been made by {@code at}; none otherwise. */
    static CompletionClaim madeBy(CompletionClaim claim, Instant at) {
        return claim == null || claim.claimedAt.toInstant().isAfter(at) ? null : claim;
    }

    static TaskFacts facts(Task task, ReportDigest reports, CompletionClaim claim, Instant at) {
        ProgressReport latest = reports.latest();
        Map<String, BigDecimal> figures = new HashMap<>();
        if (latest != null) {
            latest.figures.forEach((Figure f) -> figures.put(f.metric(), f.value()));
            if (latest.investment != null) {
                figures.put(Target.INVESTMENT, latest.investment);
            }
        }
        List<TargetFacts> targets = task.targets.stream()
                .map(t -> new TargetFacts(t.metric(), t.unit(), t.value(),
                        t.type() == null ? null : TargetType.valueOf(t.type()),
                        t.strength() == null ? null : Strength.valueOf(t.strength()), t.baseline(),
                        figures.get(t.metric())))
                .toList();
        List<MilestoneFacts> milestones = task.milestones.stream()
                .map((Milestone m) -> new MilestoneFacts(m.name(), m.due(), reports.milestonesReached().get(m.name())))
                .toList();
        return new TaskFacts(task.id, task.plannedStart, task.deadline, task.originalDeadline, targets, milestones,
                MonthlyPlan.points(task.monthlyPlan, task.deadline), latest == null ? null : latest.percent,
                latest == null ? null : latest.asOf,
                completion(claim, at), overrides(task.ruleOverrides),
                reports.lastReceivedAt() == null ? null : BusinessCalendar.dateOf(reports.lastReceivedAt().toInstant()));
    }

    static RuleOverrides overrides(LedgerFile.RuleOverride rules) {
        if (rules == null) {
            return RuleOverrides.none();
        }
        Set<RuleId> disabled = rules.disabled().stream().map(RuleId::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
        return new RuleOverrides(disabled, rules.dueSoonDays(), rules.laggingPoints(), rules.reportDueDay());
    }

    /** A pending claim counts from the day it was made; a verification from the day the office made it. */
    private static Completion completion(CompletionClaim claim, Instant at) {
        if (claim == null) {
            return Completion.none();
        }
        LocalDate claimedOn = claim.claimedAt.atZoneSameInstant(BusinessCalendar.ZONE).toLocalDate();
        OfficeDecision decision = claim.decision;
        if (decision.state == OfficeDecision.State.VERIFIED && !decision.decidedAt.toInstant().isAfter(at)) {
            return Completion.verified(claimedOn, decision.decidedAt.atZoneSameInstant(BusinessCalendar.ZONE).toLocalDate());
        }
        return Completion.claimed(claimedOn);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
