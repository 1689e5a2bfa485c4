package cn.duban.supervision.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.supervision.engine.WorkingCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notices shipped with the service read as the State Council published them (no framework needed). */
class HolidayNoticesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private static HolidayNotices.Notice shipped(String resource) {
        try (InputStream in = HolidayNoticesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return HolidayNotices.read(MAPPER, in, resource);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final WorkingCalendar calendar = HolidayNotices.calendarOf(
            List.of(shipped("calendar/cn-2022.json"), shipped("calendar/cn-2023.json")));

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_2022_notice_is_guobanfamingdian_2021_11_with_its_seven_holidays() {
        HolidayNotices.Notice notice = shipped("calendar/cn-2022.json");

        assertThat(notice.number()).isEqualTo("国办发明电〔2021〕11号");
        assertThat(notice.holidays()).extracting(HolidayNotices.Holiday::name)
                .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
        long daysOff = notice.holidays().stream().mapToLong(h -> h.from().datesUntil(h.to().plusDays(1)).count()).sum();
        assertThat(daysOff).as("3+7+3+5+3+3+7").isEqualTo(31);
    }

    @Test
    void dates_of_2022_move_as_the_notice_says() {
        assertThat(calendar.onOrAfter(date("2022-10-01"))).as("国庆 10.1–10.7, 10.8 (Sat) 上班").isEqualTo(date("2022-10-08"));
        assertThat(calendar.onOrAfter(date("2022-04-30"))).as("劳动节 4.30–5.4").isEqualTo(date("2022-05-05"));
        assertThat(calendar.onOrAfter(date("2022-01-31"))).as("春节 1.31–2.6").isEqualTo(date("2022-02-07"));
        assertThat(calendar.onOrAfter(date("2022-04-03"))).as("清明 4.3–4.5").isEqualTo(date("2022-04-06"));
        assertThat(calendar.onOrAfter(date("2022-06-03"))).as("端午 6.3–6.5").isEqualTo(date("2022-06-06"));
        assertThat(calendar.onOrAfter(date("2022-09-10"))).as("中秋 9.10–9.12").isEqualTo(date("2022-09-13"));
        assertThat(calendar.onOrAfter(date("2022-01-01"))).as("元旦 1.1–1.3").isEqualTo(date("2022-01-04"));
        assertThat(calendar.onOrAfter(date("2022-12-31"))).as("2023's 元旦 12.31–1.2").isEqualTo(date("2023-01-03"));
        assertThat(calendar.isWorkingDay(date("2022-01-29"))).as("Saturday before 春节 上班").isTrue();
        assertThat(calendar.isWorkingDay(date("2022-04-02"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2022-04-24"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2022-05-07"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2022-10-09"))).isTrue();
    }

    @Test
    void dates_of_2023_move_as_the_notice_says() {
        assertThat(calendar.onOrAfter(date("2023-01-21"))).as("春节 1.21–1.27, 1.28 (Sat) 上班").isEqualTo(date("2023-01-28"));
        assertThat(calendar.onOrAfter(date("2023-04-05"))).as("清明 4.5").isEqualTo(date("2023-04-06"));
        assertThat(calendar.onOrAfter(date("2023-04-29"))).as("劳动节 4.29–5.3").isEqualTo(date("2023-05-04"));
        assertThat(calendar.onOrAfter(date("2023-06-22"))).as("端午 6.22–6.24, 6.25 (Sun) 上班").isEqualTo(date("2023-06-25"));
        assertThat(calendar.onOrAfter(date("2023-09-29"))).as("中秋国庆 9.29–10.6, 10.7 (Sat) 上班").isEqualTo(date("2023-10-07"));
        assertThat(calendar.isWorkingDay(date("2023-04-23"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2023-05-06"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2023-10-08"))).isTrue();
    }

    @Test
    void every_adjusted_working_day_is_a_weekend_day_and_every_report_due_day_of_2022_is_a_working_day() {
        for (int month = 1; month <= 12; month++) {
            LocalDate due = calendar.reportDue(YearMonth.of(2022, month), 25);
            assertThat(calendar.isWorkingDay(due)).isTrue();
            assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        assertThat(calendar.reportDue(YearMonth.of(2022, 9), 25)).as("Sunday 9.25").isEqualTo(date("2022-09-26"));
        assertThat(calendar.reportDue(YearMonth.of(2022, 12), 25)).as("Sunday 12.25").isEqualTo(date("2022-12-26"));
    }

    @Test
    void a_later_year_is_added_as_a_file_of_the_same_shape() {
        String json = """
                {"year": 2024, "notice": "国务院办公厅关于2024年部分节假日安排的通知", "number": "国办发明电〔2023〕7号",
                 "issued": "2023-10-25", "seenAt": null,
                 "holidays": [{"name": "国庆节", "quote": "10月1日至7日放假调休，共7天。", "from": "2024-10-01",
                               "to": "2024-10-07", "workdays": ["2024-09-29", "2024-10-12"]}]}""";
        HolidayNotices.Notice later = HolidayNotices.read(MAPPER,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "2024.json");
        WorkingCalendar extended = HolidayNotices.calendarOf(List.of(shipped("calendar/cn-2022.json"), later));

        assertThat(extended.announces(2024)).isTrue();
        assertThat(extended.onOrAfter(date("2024-10-01"))).isEqualTo(date("2024-10-08"));
    }

    @Test
    void a_notice_that_does_not_read_stops_the_service_naming_the_file() {
        String json = """
                {"year": 2024, "holidays": [{"name": "国庆节", "from": "2024-10-07", "to": "2024-10-01"}]}""";
        assertThatThrownBy(() -> HolidayNotices.read(MAPPER,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad.json"))
                .hasMessageContaining("bad.json").hasMessageContaining("国庆节");
        String typo = """
                {"year": 2024, "holiday": []}""";
        assertThatThrownBy(() -> HolidayNotices.read(MAPPER,
                new ByteArrayInputStream(typo.getBytes(StandardCharsets.UTF_8)), "typo.json"))
                .hasMessageContaining("typo.json");
    }
}
