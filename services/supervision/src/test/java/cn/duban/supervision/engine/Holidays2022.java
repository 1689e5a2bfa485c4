package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.TaskBuilder.date;

import java.time.LocalDate;
import java.util.List;

/**
 * Test data: the part of 2022's national calendar the engine tests read (国办发明电〔2021〕11号): 劳动节 4.30–5.4 with
 * 4.24 and 5.7 working, 国庆节 10.1–10.7 with 10.8 and 10.9 working. The service's own data file is tested in full
 * by HolidayNoticesTest.
 */
final class Holidays2022 {

    private Holidays2022() {
    }

    static WorkingCalendar labourDayAndNationalDay() {
        List<LocalDate> rest = new java.util.ArrayList<>();
        date("2022-04-30").datesUntil(date("2022-05-05")).forEach(rest::add);
        date("2022-10-01").datesUntil(date("2022-10-08")).forEach(rest::add);
        return WorkingCalendar.of(rest,
                List.of(date("2022-04-24"), date("2022-05-07"), date("2022-10-08"), date("2022-10-09")), List.of(2022));
    }
}
