package cn.duban.events;

import java.time.ZoneId;

/**
 * The county's time zone, once for all of Duban: every date in an event or an API (a deadline, an as-of date, a
 * milestone) is a calendar date in Asia/Shanghai, and a date passes at the end of that day there.
 */
public final class CountyTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyTime() {
    }
}
