package cn.duban.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.notifier.NotifierInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The notifier's business time follows the newest published alert event, not the last one read: a backlog of
 * events from the office's 2022 demo days, read after a newer event, must not move quiet hours back to 2022.
 */
@QuarkusTest
class BusinessTimeTest extends NotifierInfra {

    @Inject
    BusinessTime time;

    @Test
    void aBacklogReadAfterANewerEventLeavesTheClockWhereTheNewerEventSetIt() {
        Instant now = Instant.now();
        OffsetDateTime office = OffsetDateTime.parse("2031-06-03T10:00:00+08:00");
        QuarkusTransaction.requiringNew().run(() -> time.observe(office, now));
        assertThat(Duration.between(office, time.now()).abs()).isLessThan(Duration.ofMinutes(1));

        // an event raised at the demo's 2022 business time, published an hour earlier and read only now
        QuarkusTransaction.requiringNew().run(() -> time.observe(OffsetDateTime.parse("2022-11-06T20:00:00+08:00"),
                now.minus(Duration.ofHours(1))));
        assertThat(time.now().getYear()).as("business time stays with the newest published event").isEqualTo(2031);

        // a later live event moves it as the office moved its clock
        OffsetDateTime movedBack = OffsetDateTime.parse("2022-03-01T09:00:00+08:00");
        QuarkusTransaction.requiringNew().run(() -> time.observe(movedBack, Instant.now()));
        assertThat(Duration.between(movedBack, time.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
