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
 * showed — its business stamp less the wall time it was published at (the record's timestamp). Supervision stamps
 * every alert event with its business clock (the demo's moves included), so in production the offset is a few
 * milliseconds and in the demo it follows the office's clock. Only an event published later than the one that set
 * the offset moves it, so a backlog read after an outage or a rebalance never takes the clock back to its own day.
 * Grouping waits, intervals and rate limits are real durations and use wall time. docs/notifier.md, "Time".
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
     * Takes the offset of an event stamped {@code eventTime} in business time and published at wall time
     * {@code publishedAt} as the current one, unless an event published later has already set it (the row's
     * {@code seenAt} is that publication time). Kept in the consumer's transaction, so a restart starts from it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(OffsetDateTime eventTime, Instant publishedAt) {
        Duration seen = Duration.between(publishedAt, eventTime.toInstant());
        OffsetDateTime published = publishedAt.atZone(ZONE).toOffsetDateTime();
        BusinessClockRow row = BusinessClockRow.findById(BusinessClockRow.THE_ONE);
        if (row != null && row.seenAt.isAfter(published)) {
            return; // a backlog: a newer event has spoken
        }
        if (row == null) {
            row = new BusinessClockRow();
            row.offsetMs = seen.toMillis();
            row.seenAt = published;
            row.persist();
        } else {
            row.offsetMs = seen.toMillis();
            row.seenAt = published;
        }
        offset = seen;
    }
}
