package cn.duban.supervision.engine;

import java.time.LocalDate;

/**
 * What a rule sees: the task, today's date in Shanghai, its progress on that date, the settings with the task's
 * own thresholds already applied, and the working-day calendar (the task's deadline and milestones already moved
 * onto working days by {@link TaskEvaluator}). The evaluator makes one from values it has already checked (in its
 * constructor) or computed itself, so the record checks nothing again; {@code of} is how the rules' tests make one.
 */
public record RuleContext(TaskFacts task, LocalDate today, Progress progress, RuleSettings settings,
        WorkingCalendar calendar) {

    /** Dates as written: every day a working day. */
    public static RuleContext of(TaskFacts task, LocalDate today, RuleSettings settings) {
        return of(task, today, settings, WorkingCalendar.asWritten());
    }

    public static RuleContext of(TaskFacts task, LocalDate today, RuleSettings settings, WorkingCalendar calendar) {
        return new RuleContext(task, today, Progress.of(task, today), settings.forTask(task.overrides()), calendar);
    }
}
