package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a rule sees: the task, today's date in Shanghai, its progress on that date, the settings with the task's
 * own thresholds already applied, and the working-day calendar (the task's deadline and milestones already moved
 * onto working days by {@link TaskEvaluator}).
 */
public record RuleContext(TaskFacts task, LocalDate today, Progress progress, RuleSettings settings,
        WorkingCalendar calendar) {

    public RuleContext {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Dates as written: every day a working day. */
    public static RuleContext of(TaskFacts task, LocalDate today, RuleSettings settings) {
        return of(task, today, settings, WorkingCalendar.asWritten());
    }

    public static RuleContext of(TaskFacts task, LocalDate today, RuleSettings settings, WorkingCalendar calendar) {
        return new RuleContext(task, today, Progress.of(task, today), settings.forTask(task.overrides()), calendar);
    }
}
