package cn.duban.supervision.service;

import cn.duban.supervision.config.SupervisionConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The one clock every rule reads. In production it is the system clock; in the demo it starts at a
 * configured moment of 2022 and runs on from there, and the office can move it.
 */
@ApplicationScoped
public class BusinessClock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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

    public Instant instant() {
        return Instant.now().plus(offset);
    }

    public OffsetDateTime now() {
        return instant().atZone(ZONE).toOffsetDateTime();
    }

    public boolean movable() {
        return config.clock().movable();
    }

    /** Moves business time to {@code to}; it runs on from there. */
    public void moveTo(OffsetDateTime to) {
        offset = Duration.between(Instant.now(), to.toInstant());
    }
}
