package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.TaskBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = Holidays2022.labourDayAndNationalDay();

    @Test
    void weekends_are_rest_days_and_weekdays_working_days() {
        assertThat(calendar.isWorkingDay(date("2022-06-18"))).as("a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(date("2022-06-19"))).as("a Sunday").isFalse();
        assertThat(calendar.isWorkingDay(date("2022-06-20"))).as("a Monday").isTrue();
    }

    @Test
    void a_holiday_on_a_weekday_is_a_rest_day_and_an_adjusted_weekend_day_a_working_day() {
        assertThat(calendar.isWorkingDay(date("2022-10-03"))).as("Monday in 国庆").isFalse();
        assertThat(calendar.isWorkingDay(date("2022-10-08"))).as("Saturday 10.8 上班").isTrue();
        assertThat(calendar.isWorkingDay(date("2022-04-24"))).as("Sunday 4.24 上班").isTrue();
    }

    @Test
    void a_date_on_a_rest_day_moves_to_the_next_working_day() {
        assertThat(calendar.onOrAfter(date("2022-10-01"))).isEqualTo(date("2022-10-08"));
        assertThat(calendar.onOrAfter(date("2022-10-07"))).isEqualTo(date("2022-10-08"));
        assertThat(calendar.onOrAfter(date("2022-04-30"))).isEqualTo(date("2022-05-05"));
        assertThat(calendar.onOrAfter(date("2022-06-18"))).as("a plain weekend").isEqualTo(date("2022-06-20"));
        assertThat(calendar.onOrAfter(date("2022-06-30"))).as("a working day stays").isEqualTo(date("2022-06-30"));
    }

    @Test
    void the_report_due_day_moves_too_and_in_a_short_month_is_its_last_day() {
        assertThat(calendar.reportDue(YearMonth.of(2022, 9), 25)).as("Sunday 9.25").isEqualTo(date("2022-09-26"));
        assertThat(calendar.reportDue(YearMonth.of(2022, 10), 25)).isEqualTo(date("2022-10-25"));
        assertThat(calendar.reportDue(YearMonth.of(2022, 2), 30)).as("Monday 2.28").isEqualTo(date("2022-02-28"));
        assertThat(calendar.reportDue(YearMonth.of(2022, 4), 31)).as("Saturday 4.30, then 劳动节").isEqualTo(date("2022-05-05"));
    }

    @Test
    void dates_as_written_are_all_working_days() {
        assertThat(WorkingCalendar.asWritten().onOrAfter(date("2022-10-01"))).isEqualTo(date("2022-10-01"));
        assertThat(WorkingCalendar.asWritten().isWorkingDay(date("2022-06-18"))).isTrue();
    }

    @Test
    void only_a_weekend_day_can_be_an_adjusted_working_day_and_no_day_is_both() {
        assertThatThrownBy(() -> WorkingCalendar.of(List.of(), List.of(date("2022-10-10")), List.of(2022)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2022-10-10");
        assertThatThrownBy(() -> WorkingCalendar.of(List.of(date("2022-10-08")), List.of(date("2022-10-08")), List.of(2022)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
    }

    @Test
    void a_year_without_its_notice_has_only_weekends_off() {
        assertThat(calendar.announces(2022)).isTrue();
        assertThat(calendar.announces(2024)).isFalse();
        assertThat(calendar.onOrAfter(date("2024-10-01"))).as("no 2024 notice loaded").isEqualTo(date("2024-10-01"));
    }
}
