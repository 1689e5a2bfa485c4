package cn.duban.supervision.engine;

/**
 * County-wide thresholds of the status and alert rules (DESIGN.md, "Status and alert rules").
 *
 * @param dueSoonDays               DUE_SOON when a deadline or milestone is 0..this many days away
 * @param laggingPoints             LAGGING when the plan is strictly more than this many points ahead
 * @param reportDueDay              monthly reports are due by this day of the month; STALE_REPORT after it
 * @param escalateToLeaderAfterDays an alert open this many days goes to level 2, the responsible leader
 * @param escalateToOfficeAfterDays an alert open this many days goes to level 3, the supervision office
 * @param reminderIntervalDays      an unacknowledged alert is reminded (催办) every this many days
 */
public record RuleSettings(
        int dueSoonDays,
        int laggingPoints,
        int reportDueDay,
        int escalateToLeaderAfterDays,
        int escalateToOfficeAfterDays,
        int reminderIntervalDays) {

    private static final RuleSettings DEFAULTS = new RuleSettings(15, 20, 25, 3, 7, 3);

    public RuleSettings {
        requireAtLeast("dueSoonDays", dueSoonDays, 0);
        requireAtLeast("laggingPoints", laggingPoints, 0);
        requireAtLeast("reportDueDay", reportDueDay, 1);
        if (reportDueDay > 31) {
            throw new IllegalArgumentException("reportDueDay must be a day of the month, was " + reportDueDay);
        }
        requireAtLeast("escalateToLeaderAfterDays", escalateToLeaderAfterDays, 1);
        requireAtLeast("escalateToOfficeAfterDays", escalateToOfficeAfterDays, escalateToLeaderAfterDays + 1);
        requireAtLeast("reminderIntervalDays", reminderIntervalDays, 1);
    }

    /** 15 days, 20 points, the 25th, level 2 after 3 days, level 3 after 7, reminders every 3 days. */
    public static RuleSettings defaults() {
        return DEFAULTS;
    }

    /** The settings as one task sees them: its own thresholds win. */
    public RuleSettings forTask(RuleOverrides overrides) {
        return new RuleSettings(
                overrides.dueSoonDays() != null ? overrides.dueSoonDays() : dueSoonDays,
                overrides.laggingPoints() != null ? overrides.laggingPoints() : laggingPoints,
                overrides.reportDueDay() != null ? overrides.reportDueDay() : reportDueDay,
                escalateToLeaderAfterDays,
                escalateToOfficeAfterDays,
                reminderIntervalDays);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}
