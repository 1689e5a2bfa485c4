package cn.duban.supervision.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are working days (工作日): Monday to Friday, except the public holidays the State Council announces,
 * plus the weekend days it makes working days in exchange (调休). A date the rules are due on — a deadline, a
 * milestone, the monthly report's due day — that falls on a rest day moves to the next working day; every other
 * count (days late, days to a deadline, escalation, reminders, the planned line) stays in calendar days
 * (docs/calendar.md).
 *
 * <p>A year no notice was loaded for has only weekends as rest days: the deployment adds each year's notice as data.
 */
public final class WorkingCalendar {

    // the longest rest the notices announce is 8 days (2023's 中秋国庆); a month is far beyond any of them
    private static final int LONGEST_REST = 31;
    private static final WorkingCalendar AS_WRITTEN = new WorkingCalendar(false, Set.of(), Set.of(), Set.of());

    private final boolean weekendsRest;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkdays;
    private final Set<Integer> yearsAnnounced;

    private WorkingCalendar(boolean weekendsRest, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkdays,
            Set<Integer> yearsAnnounced) {
        this.weekendsRest = weekendsRest;
        this.holidays = holidays;
        this.adjustedWorkdays = adjustedWorkdays;
        this.yearsAnnounced = yearsAnnounced;
    }

    /**
     * The national calendar from the notices' data.
     *
     * @param holidays         the days off the notices announce (放假), weekends inside them included
     * @param adjustedWorkdays the weekend days the notices make working days (上班)
     * @param yearsAnnounced   the years whose notice was loaded
     */
    public static WorkingCalendar of(Collection<LocalDate> holidays, Collection<LocalDate> adjustedWorkdays,
            Collection<Integer> yearsAnnounced) {
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(adjustedWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a day cannot be both a holiday and a working day: " + both);
        }
        for (LocalDate day : adjustedWorkdays) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("an adjusted working day (调休上班) is a Saturday or Sunday, " + day
                        + " is a " + day.getDayOfWeek());
            }
        }
        return new WorkingCalendar(true, Set.copyOf(new HashSet<>(holidays)), Set.copyOf(new HashSet<>(adjustedWorkdays)),
                Set.copyOf(new HashSet<>(yearsAnnounced)));
    }

    /** Every day a working day: dates are judged as written (the single rules' own tests). */
    public static WorkingCalendar asWritten() {
        return AS_WRITTEN;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return !weekendsRest || !isWeekend(day);
    }

    /** {@code day} itself if it is a working day, otherwise the next working day (顺延). */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        for (int i = 0; i <= LONGEST_REST; i++, candidate = candidate.plusDays(1)) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no working day within " + LONGEST_REST + " days after " + day);
    }

    /**
     * The day the month's progress report is due: its {@code dueDay}, or the month's last day in a shorter month (a
     * due day of 30 in February is the 28th: an office that asks for reports by the 30th wants February's too), moved
     * to the next working day. The rules (STALE_REPORT) and the scorecard (按时报送) both ask here.
     */
    public LocalDate reportDue(YearMonth month, int dueDay) {
        return onOrAfter(month.atDay(Math.min(dueDay, month.lengthOfMonth())));
    }

    /** Whether a notice for {@code year} was loaded; without one only weekends are rest days. */
    public boolean announces(int year) {
        return !weekendsRest || yearsAnnounced.contains(year);
    }

    public Set<Integer> yearsAnnounced() {
        return new TreeSet<>(yearsAnnounced);
    }

    /** What decides this calendar, in a stable text: two calendars with the same text judge every day alike. */
    public String fingerprint() {
        return "weekendsRest=" + weekendsRest + ";holidays=" + new TreeSet<>(holidays) + ";adjustedWorkdays="
                + new TreeSet<>(adjustedWorkdays) + ";yearsAnnounced=" + new TreeSet<>(yearsAnnounced);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
