package cn.duban.supervision.engine;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One task's exceptions to the county-wide {@link RuleSettings}: rules switched off for it and
 * thresholds of its own. A {@code null} threshold means "use the setting".
 */
public record RuleOverrides(Set<RuleId> disabled, Integer dueSoonDays, Integer laggingPoints, Integer reportDueDay) {

    private static final RuleOverrides NONE = new RuleOverrides(Set.of(), null, null, null);

    public RuleOverrides {
        disabled = disabled == null || disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
    }

    public static RuleOverrides none() {
        return NONE;
    }

    public static RuleOverrides disabling(RuleId first, RuleId... more) {
        return new RuleOverrides(EnumSet.of(first, more), null, null, null);
    }

    public boolean disables(RuleId rule) {
        return disabled.contains(Objects.requireNonNull(rule));
    }
}
