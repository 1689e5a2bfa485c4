package cn.duban.supervision.view;

import cn.duban.platform.rest.DubanException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a 督查通报 covers: an ISO week ({@code 2022-W23}, Monday to Sunday) or a calendar month
 * ({@code 2022-06}), with its first and last day and the period before it (what "change since" compares with).
 */
public record BulletinPeriod(String code, boolean weekly, LocalDate first, LocalDate last) {
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public static BulletinPeriod parse(String code) {
        Matcher week = WEEK.matcher(code == null ? "" : code);
        if (week.matches()) {
            int year = Integer.parseInt(week.group(1));
            int number = Integer.parseInt(week.group(2));
            LocalDate anyDay = LocalDate.of(year, 6, 1);
            if (number < 1 || number > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw invalid(code);
            }
            return week(anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number));
        }
        Matcher month = MONTH.matcher(code == null ? "" : code);
        if (month.matches()) {
            try {
                return month(YearMonth.parse(code));
            } catch (DateTimeParseException e) {
                throw invalid(code);
            }
        }
        throw invalid(code);
    }

    /** The ISO week {@code day} falls in. */
    public static BulletinPeriod week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String code = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new BulletinPeriod(code, true, monday, monday.plusDays(6));
    }

    public static BulletinPeriod month(YearMonth month) {
        return new BulletinPeriod(month.toString(), false, month.atDay(1), month.atEndOfMonth());
    }

    public BulletinPeriod previous() {
        return weekly ? week(first.minusDays(7)) : month(YearMonth.from(first).minusMonths(1));
    }

    /** 2022年第23周（6月6日—6月12日） or 2022年6月. */
    public String title() {
        if (!weekly) {
            return first.getYear() + "年" + first.getMonthValue() + "月";
        }
        return first.get(IsoFields.WEEK_BASED_YEAR) + "年第" + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周（"
                + first.getMonthValue() + "月" + first.getDayOfMonth() + "日—" + last.getMonthValue() + "月"
                + last.getDayOfMonth() + "日）";
    }

    private static DubanException invalid(String code) {
        return DubanException.invalidField("period", "期间 %s 无法识别：周报写作 2022-W23（ISO 周），月报写作 2022-06",
                "period %s is not understood: a week is 2022-W23 (ISO week), a month 2022-06", code);
    }
}
