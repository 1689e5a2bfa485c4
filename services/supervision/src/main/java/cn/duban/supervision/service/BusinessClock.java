package cn.duban.supervision.service;

import cn.duban.supervision.config.SupervisionConfig;
import cn.duban.supervision.engine.BusinessCalendar;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * The one clock every rule reads, a {@link java.time.Clock} in the county's zone: in production the system clock;
 * in the demo it starts at a configured moment of 2022 and runs on from there, and the office can move it.
 * A movable clock is shared by every supervision replica: its offset from the wall clock is a row of business_clock,
 * written on a move and re-read every {@code duban.supervision.clock.refresh} (2 s), so replicas agree within that,
 * and a restart keeps the time the office moved to.
 */
@ApplicationScoped
public class BusinessClock extends Clock {
    private static final Logger LOG = Logger.getLogger(BusinessClock.class);

    private volatile Duration offset = Duration.ZERO;
    /** When the offset held here was written to business_clock (its moved_at): a read never puts back an older one. */
    private Instant heldSince = Instant.EPOCH;

    @Inject
    SupervisionConfig config;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Set when the bean is made, not on StartupEvent: the seed ledger is imported and evaluated on StartupEvent
     * too, and observers run in no fixed order, so it was once evaluated at the wall clock (2026), raising and
     * resolving 544 alerts before the demo began.
     */
    @PostConstruct
    void start() {
        config.clock().start().ifPresent(start -> offset = Duration.between(Instant.now(), start.toInstant()));
        if (movable()) {
            // the first replica of a fresh database sets the demo's start; the others, and restarts, take its time
            write("insert into business_clock (id, offset_ms, moved_at) values (1, ?, clock_timestamp())"
                    + " on conflict (id) do nothing returning moved_at", offset);
            refresh();
        }
    }

    /** The clock as the cluster has it: another replica may have moved it. */
    @Scheduled(every = "${duban.supervision.clock.refresh:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void refresh() {
        if (!movable()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("select offset_ms, moved_at from business_clock where id = 1");
             ResultSet row = read.executeQuery()) {
            if (row.next()) {
                hold(Duration.ofMillis(row.getLong(1)), row.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            LOG.warnf("cannot read the shared business clock (%s); keeping %s", e.getMessage(), now());
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return BusinessCalendar.ZONE;
    }

    /** This clock's instant, fixed, in {@code zone}: a {@code withZone} view need not follow later moves. */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(this);
    }

    public LocalDate today() {
        return LocalDate.now(this);
    }

    public boolean movable() {
        return config.clock().movable();
    }

    /**
     * Moves business time to {@code to} for every replica; it runs on from there. The row is committed at once, in a
     * transaction of its own, before this replica holds the new time: a refresh in between must not read the row
     * the caller's transaction has not committed yet and put the old time back (found by make test: a re-evaluation
     * queued after a move ran at the time before it).
     */
    public synchronized void moveTo(OffsetDateTime to) {
        Duration moved = Duration.between(Instant.now(), to.toInstant());
        Instant at = QuarkusTransaction.requiringNew().call(() -> write(
                "insert into business_clock (id, offset_ms, moved_at) values (1, ?, clock_timestamp())"
                        + " on conflict (id) do update set offset_ms = excluded.offset_ms, moved_at = excluded.moved_at"
                        + " returning moved_at", moved));
        hold(moved, at);
    }

    /** Holds {@code value}, written at {@code writtenAt}, unless what is held here was written later. */
    private void hold(Duration value, Instant writtenAt) {
        if (writtenAt != null && !writtenAt.isBefore(heldSince)) {
            offset = value;
            heldSince = writtenAt;
        }
    }

    /** Runs an insert or update of the clock's row; returns the moved_at it wrote, or null when it wrote nothing. */
    private Instant write(String sql, Duration value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement write = c.prepareStatement(sql)) {
            write.setLong(1, value.toMillis());
            try (ResultSet written = write.executeQuery()) {
                return written.next() ? written.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the shared business clock: " + e.getMessage(), e);
        }
    }
}
