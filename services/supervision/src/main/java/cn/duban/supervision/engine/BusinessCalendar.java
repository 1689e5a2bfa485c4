package cn.duban.supervision.engine;

import cn.duban.events.CountyTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The county's calendar: every deadline, milestone and day count is a date in Asia/Shanghai,
 * and a date passes at the end of that day there.
 */
public final class BusinessCalendar {

    public static final ZoneId ZONE = CountyTime.ZONE;

    private BusinessCalendar() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Whole calendar days from {@code from} to {@code to}; 23:59 and 00:01 the next day are one day apart. */
    public static long daysBetween(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(dateOf(from), dateOf(to));
    }

    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** True once the whole of {@code date} is over, i.e. from 00:00 the next day in Shanghai. */
    public static boolean hasPassed(LocalDate date, LocalDate today) {
        return today.isAfter(date);
    }
}
