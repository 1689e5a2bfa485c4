package cn.duban.supervision.service;

import cn.duban.supervision.config.SupervisionConfig;
import cn.duban.supervision.engine.BusinessCalendar;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The one clock every rule reads, a {@link java.time.Clock} in the county's zone: in production the system clock;
 * in the demo it starts at a configured moment of 2022 and runs on from there, and the office can move it.
 */
@ApplicationScoped
public class BusinessClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Inject
    SupervisionConfig config;

    /**
     * Set when the bean is made, not on StartupEvent: the seed ledger is imported and evaluated on StartupEvent
     * too, and observers run in no fixed order, so it was once evaluated at the wall clock (2026), raising and
     * resolving 544 alerts before the demo began.
     */
    @PostConstruct
    void start() {
        config.clock().start().ifPresent(start -> offset = Duration.between(Instant.now(), start.toInstant()));
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

    /** Moves business time to {@code to}; it runs on from there. */
    public void moveTo(OffsetDateTime to) {
        offset = Duration.between(Instant.now(), to.toInstant());
    }
}
