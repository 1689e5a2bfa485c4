package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a rule sees: the task, today's date in Shanghai, its progress on that date and the settings
 * with the task's own thresholds already applied.
 */
public record RuleContext(TaskFacts task, LocalDate today, Progress progress, RuleSettings settings) {

    public RuleContext {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(settings, "settings");
    }

    public static RuleContext of(TaskFacts task, LocalDate today, RuleSettings settings) {
        return new RuleContext(task, today, Progress.of(task, today), settings.forTask(task.overrides()));
    }
}
