package cn.duban.notifier.service;

import cn.duban.events.CountyTime;
import cn.duban.notifier.repository.BusinessClockRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Business time, the time quiet hours and silences are judged in: wall time plus the offset the newest alert event
 * showed. Supervision stamps every alert event with its business clock (the demo's moves included), so in
 * production the offset is a few milliseconds of transit and in the demo it follows the office's clock. Grouping
 * waits, intervals and rate limits are real durations and use wall time. docs/notifier.md, "Time".
 */
@ApplicationScoped
public class BusinessTime {
    public static final ZoneId ZONE = CountyTime.ZONE;

    private volatile Duration offset = Duration.ZERO;

    void load(@Observes StartupEvent start) {
        BusinessClockRow row = QuarkusTransaction.requiringNew().call(() -> BusinessClockRow.findById(BusinessClockRow.THE_ONE));
        if (row != null) {
            offset = Duration.ofMillis(row.offsetMs);
        }
    }

    public Instant instant() {
        return Instant.now().plus(offset);
    }

    public OffsetDateTime now() {
        return instant().atZone(ZONE).toOffsetDateTime();
    }

    /** Business time at wall time {@code wall}. */
    public OffsetDateTime at(OffsetDateTime wall) {
        return wall.toInstant().plus(offset).atZone(ZONE).toOffsetDateTime();
    }

    /**
     * Takes the business time a just-consumed event was stamped with as the current one: the latest of a batch is
     * the closest to now. Kept in the consumer's transaction, so a restart starts from it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(OffsetDateTime eventTime) {
        Duration seen = Duration.between(Instant.now(), eventTime.toInstant());
        BusinessClockRow row = BusinessClockRow.findById(BusinessClockRow.THE_ONE);
        if (row == null) {
            row = new BusinessClockRow();
            row.offsetMs = seen.toMillis();
            row.seenAt = OffsetDateTime.now();
            row.persist();
        } else {
            row.offsetMs = seen.toMillis();
            row.seenAt = OffsetDateTime.now();
        }
        offset = seen;
    }
}
