package cn.duban.supervision.service;

import cn.duban.supervision.config.AlertStreamConfig;
import cn.duban.supervision.repository.AlertNotice;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The alert stream (docs/api.md "Alert streams"). A notice is written to {@code alert_notice} in the transaction
 * that makes the change; once it commits, the publisher here gives it the next position (its SSE id) and hands it
 * to every open stream. Positions are given by one publisher at a time after commit, so they follow commit order:
 * a client that reconnects with the last position it saw is replayed, from the database, exactly what it missed.
 */
@ApplicationScoped
public class AlertFeed {
    private static final Logger LOG = Logger.getLogger(AlertFeed.class);
    /** pg_advisory_xact_lock key: one publisher at a time across replicas ("alertfeed" in ASCII, truncated). */
    private static final long PUBLISHER_LOCK = 0x616c657274666565L;
    private static final int BATCH = 5_000;

    @Inject
    EntityManager entityManager;

    @Inject
    AlertStreamConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean publishQueued = new AtomicBoolean();
    private volatile long published = -1; // the highest position handed to the listeners; written under this

    /** What happened to which alert, and the units it concerns. */
    public record Notice(String event, String alertId, String taskId, String rule, String light, String state,
            int escalationLevel, String milestone, List<String> units, String message, OffsetDateTime at) {

        /** A paper's (通知单, 批示), under its own id: it has no rule, light, escalation level or milestone. */
        static Notice ofPaper(String event, String paperId, String taskId, Enum<?> state, List<String> units,
                String message, OffsetDateTime at) {
            return new Notice(event, paperId, taskId, null, null, state.name(), 0, null, units, message, at);
        }
    }

    /** What a stream carries: see docs/api.md. */
    public sealed interface Item {
    }

    /**
     * The first thing sent, before any notice, so that the response head leaves before the first one. On a fresh
     * stream it carries the stream's start (sent as the SSE id): every notice after it that the caller may see
     * follows, none at or before it — a client that leaves before its first notice resumes from there.
     */
    public record Opened(OptionalLong start) implements Item {
    }

    /** A notice at its position (the SSE id). */
    public record Positioned(long position, Notice notice) implements Item {
    }

    public record Heartbeat() implements Item {
    }

    /**
     * Replay after the client's Last-Event-ID was not possible; it should reload its lists. {@code covered} (sent as
     * the SSE id) is the newest position then: the notices after it follow, so a reconnect resumes from there.
     */
    public record Resync(String reason, long covered) implements Item {
    }

    /** The last item: the stream ends because the caller's token expired. */
    public record Ended(String reason) implements Item {
    }

    @PostConstruct
    void register() {
        Gauge.builder("duban.alert.streams.open", listeners, Set::size)
                .description("Alert streams (SSE) open at this process").strongReference(true).register(registry);
    }

    /**
     * Where this process starts telling: the newest position before it serves its first stream. Taken at the first
     * poll instead, notices another replica positioned between a stream's opening here and that poll were never sent
     * to it — a client resuming at a replica that had just started lost them after its replay.
     */
    void startAtNewest(@Observes StartupEvent start) {
        try {
            startTelling();
        } catch (RuntimeException e) {
            LOG.warnf("alert feed: the newest position is taken at the first poll or stream instead (%s)", e.toString());
        }
    }

    /**
     * Takes where this process starts telling, unless it has. A stream reads its own start (or its replay's end) only
     * after this: taken later, the publisher would begin past notices that stream is owed.
     */
    private void startTelling() {
        if (published < 0) {
            synchronized (this) {
                if (published < 0) {
                    published = QuarkusTransaction.requiringNew().call(this::newest);
                }
            }
        }
    }

    /** Written with the change it tells of, in the same transaction. */
    void record(@Observes Notice notice) {
        AlertNotice row = new AlertNotice();
        row.event = notice.event();
        row.alertId = notice.alertId();
        row.taskId = notice.taskId();
        row.rule = notice.rule();
        row.light = notice.light();
        row.state = notice.state();
        row.escalationLevel = notice.escalationLevel();
        row.milestone = notice.milestone();
        row.units = notice.units() == null ? List.of() : notice.units();
        row.message = notice.message();
        row.at = notice.at();
        row.persist();
    }

    /** Once the change committed, publish soon; a burst of notices (a re-evaluation) asks once. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
        publishSoon();
    }

    private void publishSoon() {
        if (publishQueued.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                publishQueued.set(false);
                publish();
            });
        }
    }

    /** Notices committed by another replica, or whose publication failed, are found here. */
    @Scheduled(every = "${duban.alert-stream.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        publish();
    }

    /** Gives positions to committed notices that have none, then hands every new position to the listeners. */
    synchronized void publish() {
        try {
            startTelling(); // the database was not there at startup
            List<AlertNotice> fresh = QuarkusTransaction.requiringNew().call(() -> {
                entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", PUBLISHER_LOCK)
                        .getSingleResult();
                entityManager.createNativeQuery("""
                        with pending as (select id, row_number() over (order by id) as n
                                         from alert_notice where position is null order by id limit :batch),
                             top as (select coalesce(max(position), 0) as position from alert_notice)
                        update alert_notice a set position = top.position + pending.n
                        from pending, top where a.id = pending.id""")
                        .setParameter("batch", BATCH).executeUpdate();
                return AlertNotice.<AlertNotice>find("position > ?1 order by position", published).page(0, BATCH).list();
            });
            for (AlertNotice row : fresh) {
                Positioned item = new Positioned(row.position, notice(row));
                listeners.forEach(l -> l.live(item));
                published = row.position;
            }
            if (fresh.size() == BATCH) {
                publishSoon(); // more are waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("alert notices not published yet (the next poll tries again): %s", e.toString());
        }
    }

    /** Notices older than the retention go; the newest stays, so positions go on from it. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                delete from alert_notice where recorded_at < :before
                and position < (select max(position) from alert_notice)""")
                .setParameter("before", OffsetDateTime.now().minus(config.keep())).executeUpdate());
    }

    /**
     * The notices a subscriber may see: after {@code lastEventId} first (replayed from the database), or without it
     * after the start the stream opens with, then live, with a heartbeat while quiet, until {@code endAt} (the token's
     * expiry).
     */
    public Multi<Item> stream(Predicate<Notice> visible, Optional<String> lastEventId, Optional<Instant> endAt) {
        return Multi.createFrom().<Item>emitter(emitter -> {
            Listener listener = new Listener(emitter, visible);
            listeners.add(listener); // before the database is read, so that nothing falls between start and live
            long heartbeat = vertx.setPeriodic(config.heartbeat().toMillis(), t -> emitter.emit(new Heartbeat()));
            long end = endAt.map(at -> vertx.setTimer(Math.max(1, Duration.between(Instant.now(), at).toMillis()), t -> {
                emitter.emit(new Ended("token-expired"));
                emitter.complete();
            })).orElse(-1L);
            emitter.onTermination(() -> {
                listeners.remove(listener);
                vertx.cancelTimer(heartbeat);
                if (end >= 0) {
                    vertx.cancelTimer(end);
                }
            });
            if (lastEventId.isPresent()) {
                emitter.emit(new Opened(OptionalLong.empty())); // no id: the client keeps its own
            }
            // The database is read off this thread (often the event loop), as is the AlertFeed monitor.
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    startTelling();
                    if (lastEventId.isPresent()) {
                        listener.replay(lastEventId.get());
                    } else {
                        listener.start();
                    }
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        }).onOverflow().buffer(config.lag()); // a client that cannot keep up is cut; it resumes from the database
    }

    /** Open streams at this process (the metric duban_alert_streams_open). */
    public int open() {
        return listeners.size();
    }

    private long newest() {
        Number top = (Number) entityManager.createNativeQuery("select coalesce(max(position), 0) from alert_notice")
                .getSingleResult();
        return top.longValue();
    }

    private static Notice notice(AlertNotice row) {
        return new Notice(row.event, row.alertId, row.taskId, row.rule, row.light, row.state, row.escalationLevel,
                row.milestone, row.units, row.message, row.at);
    }

    /**
     * One open stream: live notices wait until its start is known (read after the listener was added) and its replay,
     * if any, is sent, then follow without repeating any. A notice positioned after that read reaches the listener
     * live; one positioned before is at or below the start, so none falls between and none is sent twice.
     */
    private final class Listener {
        private final MultiEmitter<? super Item> emitter;
        private final Predicate<Notice> visible;
        private boolean holding = true; // live notices wait in {@code waiting}
        private long covered; // positions up to here were sent or were not for this caller
        private final List<Positioned> waiting = new ArrayList<>();

        Listener(MultiEmitter<? super Item> emitter, Predicate<Notice> visible) {
            this.emitter = emitter;
            this.visible = visible;
        }

        synchronized void live(Positioned item) {
            if (holding) {
                waiting.add(item);
            } else {
                send(item);
            }
        }

        /** A fresh stream starts at the newest position, read as a replay reads its end. */
        void start() {
            long start = QuarkusTransaction.requiringNew().call(AlertFeed.this::newest);
            synchronized (this) {
                covered = start;
                emitter.emit(new Opened(OptionalLong.of(start)));
                goLive();
            }
        }

        void replay(String lastEventId) {
            Replay replay = QuarkusTransaction.requiringNew().call(() -> replayAfter(lastEventId));
            synchronized (this) {
                if (replay.resync() != null) {
                    covered = replay.newest();
                    emitter.emit(new Resync(replay.resync(), covered));
                } else {
                    covered = Long.parseLong(lastEventId.trim());
                    replay.notices().forEach(this::send);
                    covered = Math.max(covered, replay.newest());
                }
                goLive();
            }
        }

        private void goLive() {
            waiting.forEach(this::send); // those at or below covered are dropped
            waiting.clear();
            holding = false;
        }

        private void send(Positioned item) {
            if (item.position() > covered) {
                covered = item.position();
                if (visible.test(item.notice())) {
                    emitter.emit(item);
                }
            }
        }

        private Replay replayAfter(String lastEventId) {
            long newest = newest();
            long after;
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                return Replay.resync("unknown", newest);
            }
            if (after < 0 || after > newest) {
                return Replay.resync("unknown", newest);
            }
            Number oldest = (Number) entityManager.createNativeQuery("select min(position) from alert_notice")
                    .getSingleResult();
            if (oldest != null && after < oldest.longValue() - 1) {
                return Replay.resync("too-old", newest);
            }
            if (newest - after > config.replayLimit()) {
                return Replay.resync("too-many", newest);
            }
            List<Positioned> missed = AlertNotice.<AlertNotice>find("position > ?1 and position <= ?2 order by position",
                    after, newest).list().stream().map(row -> new Positioned(row.position, notice(row))).toList();
            return new Replay(null, newest, missed);
        }
    }

    private record Replay(String resync, long newest, List<Positioned> notices) {
        static Replay resync(String reason, long newest) {
            return new Replay(reason, newest, List.of());
        }
    }
}
