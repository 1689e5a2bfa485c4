package cn.duban.notifier.routing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The night, when pushes to people's phones wait for the morning: from {@code start} to {@code end} (22:00–08:00 by
 * default) in {@code zone}. Only a RED alert escalated to level 2 or more goes out at night.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
    public static final int URGENT_LEVEL = 2;

    public boolean isQuiet(Instant at) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** Whether a notice of this light and escalation level may wake someone at night. */
    public static boolean breaksThrough(String light, int level) {
        return "RED".equals(light) && level >= URGENT_LEVEL;
    }

    /** When the quiet period that contains {@code at} ends (at itself when it is not quiet). */
    public Instant endOf(Instant at) {
        if (!isQuiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
