package cn.duban.supervision.config;

import cn.duban.supervision.engine.WorkingCalendar;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The State Council's yearly notices of public holidays (国务院办公厅关于某年部分节假日安排的通知) as data, one JSON
 * file per year ({@code calendar/cn-2022.json} shows the shape; docs/calendar.md), read into the working-day
 * calendar the rules move due dates with. A file that does not read as a notice stops the service at start.
 */
public final class HolidayNotices {

    /** One notice: its year, its title and number (文号), and each holiday as the notice words it. */
    public record Notice(int year, String notice, String number, LocalDate issued, String seenAt,
            List<Holiday> holidays) {
    }

    /** 放假 {@code from}..{@code to} (both included); {@code workdays} are the weekend days made working days (上班). */
    public record Holiday(String name, String quote, LocalDate from, LocalDate to, List<LocalDate> workdays) {
    }

    private HolidayNotices() {
    }

    public static Notice read(ObjectMapper mapper, InputStream json, String source) {
        Notice notice;
        try {
            notice = mapper.readerFor(Notice.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("holiday notice " + source + " does not read: " + e.getMessage(), e);
        }
        if (notice == null || notice.year() < 2000 || notice.holidays() == null || notice.holidays().isEmpty()) {
            throw new IllegalStateException("holiday notice " + source + " needs a year and its holidays");
        }
        for (Holiday holiday : notice.holidays()) {
            if (holiday.from() == null || holiday.to() == null || holiday.to().isBefore(holiday.from())) {
                throw new IllegalStateException("holiday notice " + source + ": " + holiday.name()
                        + " needs from and to, from not after to");
            }
        }
        return notice;
    }

    /** The calendar of all {@code notices} together (a notice may name days of the year before, as 2023's 元旦 does). */
    public static WorkingCalendar calendarOf(List<Notice> notices) {
        List<LocalDate> rest = new ArrayList<>();
        List<LocalDate> work = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (Notice notice : notices) {
            years.add(notice.year());
            for (Holiday holiday : notice.holidays()) {
                holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(rest::add);
                if (holiday.workdays() != null) {
                    work.addAll(holiday.workdays());
                }
            }
        }
        return WorkingCalendar.of(rest, work, years);
    }
}
