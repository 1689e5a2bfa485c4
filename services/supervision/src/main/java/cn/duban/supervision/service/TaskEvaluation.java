package cn.duban.supervision.service;

import cn.duban.events.progress.Figure;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.supervision.engine.Completion;
import cn.duban.supervision.engine.Evaluation;
import cn.duban.supervision.engine.MilestoneFacts;
import cn.duban.supervision.engine.RuleId;
import cn.duban.supervision.engine.RuleOverrides;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.engine.RuleSettings;
import cn.duban.supervision.engine.TargetFacts;
import cn.duban.supervision.engine.TaskEvaluator;
import cn.duban.supervision.engine.TaskFacts;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;

/** Turns a stored task and its reports into the engine's facts, evaluates them and keeps the result. */
@ApplicationScoped
public class TaskEvaluation {
    private final TaskEvaluator evaluator = new TaskEvaluator(RuleSettings.defaults());

    @Inject
    BusinessClock clock;

    @Inject
    AlertDesk alerts;

    /** Evaluates the task now, keeps its status and light, and brings its alerts in step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Evaluation evaluate(Task task) {
        return evaluate(task, ProgressReport.ofTask(task.id), CompletionClaim.standing(task.id).orElse(null),
                Alert.unresolvedOf(task.id), clock.instant());
    }

    /**
     * Evaluates many tasks as {@link #evaluate(Task)} does each, reading what they need in three queries for all of
     * them instead of three per task (a full re-evaluation of a large ledger is otherwise round trips).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateAll(List<Task> tasks) {
        Instant now = clock.instant();
        List<String> ids = tasks.stream().map(t -> t.id).toList();
        Map<String, List<ProgressReport>> reports = ProgressReport.ofTasks(ids);
        Map<String, CompletionClaim> claims = CompletionClaim.standingOf(ids);
        Map<String, List<Alert>> unresolved = Alert.unresolvedOf(ids);
        for (Task task : tasks) {
            evaluate(task, reports.getOrDefault(task.id, List.of()), claims.get(task.id),
                    unresolved.getOrDefault(task.id, List.of()), now);
        }
    }

    private Evaluation evaluate(Task task, List<ProgressReport> newestFirst, CompletionClaim claim,
            List<Alert> unresolved, Instant now) {
        Evaluation result = evaluator.evaluate(facts(task, newestFirst, madeBy(claim, now), now), now);
        alerts.reconcile(task, unresolved, result.findings(), now);
        task.status = result.status().name();
        task.light = result.light().name();
        task.percent = result.percent();
        task.expectedPercent = result.expectedPercent();
        task.evaluatedOn = result.evaluatedOn();
        return result;
    }

    /** What the rules say of {@code task} at {@code at}, from the reports made up to then. */
    public Evaluation evaluateAt(Task task, Instant at) {
        return evaluator.evaluate(facts(task, ProgressReport.ofTask(task.id),
                madeBy(CompletionClaim.standing(task.id).orElse(null), at), at), at);
    }

    /** The claim if it had been made by {@code at}; none otherwise. */
    static CompletionClaim madeBy(CompletionClaim claim, Instant at) {
        return claim == null || claim.claimedAt.toInstant().isAfter(at) ? null : claim;
    }

    static TaskFacts facts(Task task, List<ProgressReport> newestFirst, CompletionClaim claim, Instant at) {
        LocalDate today = at.atZone(BusinessClock.ZONE).toLocalDate();
        List<ProgressReport> reports = newestFirst.stream().filter(r -> !r.asOf.isAfter(today)).toList();
        ProgressReport latest = reports.isEmpty() ? null : reports.get(0);
        Map<String, BigDecimal> figures = new HashMap<>();
        if (latest != null) {
            latest.figures.forEach((Figure f) -> figures.put(f.metric(), f.value()));
            if (latest.investment != null) {
                figures.put(Target.INVESTMENT, latest.investment);
            }
        }
        List<TargetFacts> targets = task.targets.stream()
                .map(t -> new TargetFacts(t.metric(), t.unit(), t.value(), figures.get(t.metric())))
                .toList();
        List<MilestoneFacts> milestones = task.milestones.stream()
                .map((Milestone m) -> new MilestoneFacts(m.name(), m.due(), reachedOn(m.name(), reports)))
                .toList();
        return new TaskFacts(task.id, task.plannedStart, task.deadline, task.originalDeadline, targets, milestones,
                List.of(), latest == null ? null : latest.percent, latest == null ? null : latest.asOf,
                completion(claim, at), overrides(task.ruleOverrides));
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
        LocalDate claimedOn = claim.claimedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
        if ("VERIFIED".equals(claim.state) && !claim.decidedAt.toInstant().isAfter(at)) {
            return Completion.verified(claimedOn, claim.decidedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate());
        }
        return Completion.claimed(claimedOn);
    }

    /** The earliest as-of date of a report saying the milestone was reached. */
    private static LocalDate reachedOn(String milestone, List<ProgressReport> reports) {
        return reports.stream().filter(r -> r.milestonesReached.contains(milestone)).map(r -> r.asOf)
                .min(LocalDate::compareTo).orElse(null);
    }
}
