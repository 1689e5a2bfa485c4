package cn.duban.supervision.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.rest.DubanException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BulletinPeriodTest {

    @Test
    void anIsoWeekRunsMondayToSunday() {
        BulletinPeriod week = BulletinPeriod.parse("2022-W23");
        assertThat(week.first()).isEqualTo(LocalDate.of(2022, 6, 6));
        assertThat(week.last()).isEqualTo(LocalDate.of(2022, 6, 12));
        assertThat(week.title()).isEqualTo("2022年第23周（6月6日—6月12日）");
        assertThat(week.previous().code()).isEqualTo("2022-W22");
    }

    @Test
    void theFirstWeekOf2022BeginsOnTheThirdOfJanuaryAndFollowsTheLastOf2021() {
        BulletinPeriod first = BulletinPeriod.parse("2022-W01");
        assertThat(first.first()).isEqualTo(LocalDate.of(2022, 1, 3));
        assertThat(first.previous().code()).isEqualTo("2021-W52");
        assertThat(BulletinPeriod.week(LocalDate.of(2022, 1, 2)).code()).isEqualTo("2021-W52");
    }

    @Test
    void aMonthAndTheMonthBefore() {
        BulletinPeriod june = BulletinPeriod.parse("2022-06");
        assertThat(june.first()).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(june.last()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(june.title()).isEqualTo("2022年6月");
        assertThat(BulletinPeriod.parse("2022-01").previous().code()).isEqualTo("2021-12");
    }

    @Test
    void anythingElseIsRefusedNamingThePeriod() {
        for (String bad : new String[] {"2022-W54", "2022-W00", "2022-13", "2022", "W23", "2022-6", "", null}) {
            assertThatThrownBy(() -> BulletinPeriod.parse(bad)).as(bad).isInstanceOf(DubanException.class);
        }
    }
}
