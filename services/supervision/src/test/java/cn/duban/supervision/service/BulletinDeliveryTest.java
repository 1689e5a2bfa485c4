package cn.duban.supervision.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Which week's bulletin is due at a moment of business time (Monday 08:30 by default). */
class BulletinDeliveryTest {

    static String due(String now) {
        return BulletinDelivery.dueAt(OffsetDateTime.parse(now), DayOfWeek.MONDAY, LocalTime.of(8, 30)).code();
    }

    @Test
    void onMondayMorningLastWeeksBulletinGoesOut() {
        assertThat(due("2022-06-13T08:30:00+08:00")).isEqualTo("2022-W23");
        assertThat(due("2022-06-16T15:00:00+08:00")).isEqualTo("2022-W23");
    }

    @Test
    void beforeMondayMorningTheWeekBeforeIsStillTheLatest() {
        assertThat(due("2022-06-13T08:29:00+08:00")).isEqualTo("2022-W22");
        assertThat(due("2022-06-12T23:00:00+08:00")).isEqualTo("2022-W22");
    }
}
