package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    @Test
    void a_utc_afternoon_is_already_the_next_day_in_shanghai() {
        assertThat(BusinessCalendar.dateOf(at("2022-05-31T16:30Z"))).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(BusinessCalendar.dateOf(at("2022-05-31T15:59Z"))).isEqualTo(LocalDate.of(2022, 5, 31));
    }

    @Test
    void a_date_passes_at_midnight_in_shanghai() {
        LocalDate may31 = LocalDate.of(2022, 5, 31);
        assertThat(BusinessCalendar.hasPassed(may31, BusinessCalendar.dateOf(at("2022-05-31T23:59+08:00")))).isFalse();
        assertThat(BusinessCalendar.hasPassed(may31, BusinessCalendar.dateOf(at("2022-06-01T00:00+08:00")))).isTrue();
    }

    @Test
    void days_are_counted_in_calendar_dates_not_24_hour_spans() {
        assertThat(BusinessCalendar.daysBetween(at("2022-11-01T23:59+08:00"), at("2022-11-02T00:01+08:00"))).isEqualTo(1);
        assertThat(BusinessCalendar.daysBetween(at("2022-11-01T00:01+08:00"), at("2022-11-01T23:59+08:00"))).isZero();
    }
}
