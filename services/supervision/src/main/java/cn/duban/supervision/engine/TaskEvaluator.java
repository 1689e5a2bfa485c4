package cn.duban.supervision.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates one task at an instant of the business clock: runs the rules, then derives status and light.
 *
 * <p>Completion decides which rules run: a VERIFIED task runs none (it never alerts); a task whose claim is
 * pending runs only the rules that {@link Rule#appliesWhileClaimPending() apply while a claim is pending}
 * (MILESTONE_OVERDUE, CEILING_EXCEEDED, and OVERDUE when the claim came after the deadline); a rule the task disables never runs.
 *
 * <p>Status: VERIFIED → COMPLETED, or COMPLETED_LATE when claimed after the current deadline; a pending claim →
 * COMPLETION_CLAIMED; an OVERDUE finding → OVERDUE; any other finding → AT_RISK; no report yet → NOT_STARTED;
 * otherwise ON_TRACK. Light: RED if any finding is red, YELLOW if any is yellow, else GREEN.
 *
 * <p>Due dates on rest days: before any rule runs, the deadline and each milestone's due date move to the next
 * working day of the {@link WorkingCalendar} (顺延); the ledger keeps the dates as written, and so does the planned
 * line (progress and LAGGING), which still reaches 100 % on the deadline as written.
 *
 * <p>Each evaluation says until when it holds ({@link Evaluation#nextBoundary()}): the earliest boundary of the rules
 * that ran and the next date the planned percent moves, so a re-evaluation with no new input can skip the task.
 */
public final class TaskEvaluator {

    /**
     * Raise when a rule comes to find otherwise on the same facts: a deployment then evaluates every task once, as
     * the dates at which evaluations hold were computed with the old rules.
     */
    public static final int RULES_REVISION = 1;

    private final RuleSettings settings;
    private final WorkingCalendar calendar;
    private final List<Rule> rules;

    /** Dates judged as written, every day a working day. */
    public TaskEvaluator(RuleSettings settings) {
        this(settings, WorkingCalendar.asWritten(), standardRules());
    }

    public TaskEvaluator(RuleSettings settings, WorkingCalendar calendar) {
        this(settings, calendar, standardRules());
    }

    public TaskEvaluator(RuleSettings settings, List<Rule> rules) {
        this(settings, WorkingCalendar.asWritten(), rules);
    }

    public TaskEvaluator(RuleSettings settings, WorkingCalendar calendar, List<Rule> rules) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = List.copyOf(rules);
    }

    /** The rules of DESIGN.md, gravest first, which is also the order of an evaluation's findings. */
    public static List<Rule> standardRules() {
        return List.of(new OverdueRule(), new MilestoneOverdueRule(), new CeilingExceededRule(), new LaggingRule(),
                new StaleReportRule(), new DueSoonRule());
    }

    /** The task judged at {@code now}, with the date until which the judgement holds (for a stored evaluation). */
    public Evaluation evaluate(TaskFacts written, Instant now) {
        return evaluate(written, now, true);
    }

    /**
     * The same judgement for a view that is never stored (the ledger as of a past day, a bulletin): without the
     * search for the next boundary, which costs about ten progress computations a task and serves only re-evaluation.
     */
    public Evaluation evaluateForView(TaskFacts written, Instant now) {
        return evaluate(written, now, false);
    }

    private Evaluation evaluate(TaskFacts written, Instant now, boolean withBoundary) {
        LocalDate today = BusinessCalendar.dateOf(now);
        TaskFacts task = onWorkingDays(written, calendar);
        // the plan keeps the report's pace: only what is due moves, the planned line still ends on the written deadline
        RuleContext context = new RuleContext(task, today, Progress.of(written, today),
                settings.forTask(task.overrides()), calendar);
        List<Rule> running = rules.stream()
                .filter(rule -> !task.overrides().disables(rule.id()))
                .filter(rule -> applies(rule, task.completion()))
                .toList();
        List<Finding> findings = running.stream().flatMap(rule -> rule.findings(context).stream()).toList();
        Progress progress = context.progress();
        // status and light derive from the findings; the percent shown moves with the plan, so it bounds them too
        Optional<LocalDate> boundary = !withBoundary ? Optional.empty() : running.stream()
                .map(rule -> rule.nextBoundary(context)).reduce(Progress.nextChange(written, today), Boundaries::earliest);
        return new Evaluation(task.taskId(), today, status(task, findings), light(findings),
                progress.percent(), progress.expectedPercent(), findings, boundary.orElse(null));
    }

    /** The task with its deadline and milestones moved onto working days; {@code originalDeadline} stays as written. */
    public static TaskFacts onWorkingDays(TaskFacts task, WorkingCalendar calendar) {
        List<MilestoneFacts> milestones = task.milestones().stream()
                .map(m -> new MilestoneFacts(m.name(), calendar.onOrAfter(m.due()), m.reachedOn())).toList();
        return new TaskFacts(task.taskId(), task.plannedStart(), calendar.onOrAfter(task.deadline()),
                task.originalDeadline(), task.targets(), milestones, task.planPoints(), task.reportedPercent(),
                task.lastReportOn(), task.completion(), task.overrides(), task.lastReceivedOn());
    }

    private static boolean applies(Rule rule, Completion completion) {
        return switch (completion.state()) {
            case NONE -> true;
            case CLAIMED -> rule.appliesWhileClaimPending();
            case VERIFIED -> false;
        };
    }

    private static TaskStatus status(TaskFacts task, List<Finding> findings) {
        Completion completion = task.completion();
        if (completion.isVerified()) {
            return completion.claimedOn().isAfter(task.deadline()) ? TaskStatus.COMPLETED_LATE : TaskStatus.COMPLETED;
        }
        if (completion.isClaimPending()) {
            return TaskStatus.COMPLETION_CLAIMED;
        }
        if (findings.stream().anyMatch(finding -> finding.rule() == RuleId.OVERDUE)) {
            return TaskStatus.OVERDUE;
        }
        if (!findings.isEmpty()) {
            return TaskStatus.AT_RISK;
        }
        return task.hasReported() ? TaskStatus.ON_TRACK : TaskStatus.NOT_STARTED;
    }

    private static Light light(List<Finding> findings) {
        return findings.stream().map(Finding::light).reduce(Light.GREEN, Light::worse);
    }
}
