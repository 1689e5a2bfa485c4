package cn.duban.platform.messaging;

import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.MalformedEventException;
import cn.duban.events.UnknownEventTypeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Applies each event's effect exactly once: the event id is recorded in the same transaction as the
 * effect, so a redelivered event finds its id and changes nothing. Unreadable or rejected events throw
 * {@link RejectedEventException} (the channel's dead-letter queue takes them); a database outage is
 * waited out, so no accepted event is parked or lost because PostgreSQL restarted.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final int ATTEMPTS_FOR_OTHER_FAILURES = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    private volatile boolean shuttingDown;

    /**
     * @param consumer a name for this projection, so two consumers of one topic in one service dedup apart
     * @param effect   runs in a transaction; throw {@link RejectedEventException} to dead-letter the event
     */
    public void consume(String consumer, ConsumerRecord<String, byte[]> record, Consumer<Envelope<?>> effect) {
        consume(consumer, record, event -> true, effect);
    }

    /**
     * @param concerns whether this consumer acts on the event at all; events it ignores (another sector's) are
     *                 acknowledged without a transaction, which keeps a backlog of them cheap to skip
     */
    public void consume(String consumer, ConsumerRecord<String, byte[]> record, Predicate<Envelope<?>> concerns,
            Consumer<Envelope<?>> effect) {
        try {
            Envelope<?> event = decode(consumer, record);
            if (event == null || !concerns.test(event)) {
                return;
            }
            applyOnce(consumer, "event " + event.id(), () -> {
                if (firstTime(consumer, event.id())) {
                    effect.accept(event);
                }
            });
        } catch (RejectedEventException e) {
            countDeadLetter(record, e); // the channel's dead-letter queue takes it from here
            throw e;
        }
    }

    /**
     * Applies a poll's worth of records in one transaction: one commit for many events instead of one each.
     * Unreadable records go to {@code deadLetters} (once: see {@link #parkOnce}) and the others go on; if the batch
     * cannot be applied, its events are applied one at a time, so only an event that cannot be applied itself is
     * dead-lettered.
     *
     * @param effect runs in a transaction with the batch's events not processed before, in record order
     */
    public void consumeAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
            Consumer<List<Envelope<?>>> effect, BiConsumer<ConsumerRecord<String, byte[]>, RejectedEventException> deadLetters) {
        consumeAll(consumer, records, record -> null, effect, deadLetters);
    }

    /**
     * As above, but a record for which {@code refusal} gives a reason is dead-lettered with it unread: what the record's
     * place says against it (a progress topic of another sector than its task's) needs no decoding.
     */
    public void consumeAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, String> refusal, Consumer<List<Envelope<?>>> effect,
            BiConsumer<ConsumerRecord<String, byte[]>, RejectedEventException> deadLetters) {
        List<Envelope<?>> events = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String refused = refusal.apply(record);
            if (refused != null) {
                parkOnce(consumer, record, new RejectedEventException(refused), deadLetters);
                continue;
            }
            try {
                Envelope<?> event = decode(consumer, record);
                if (event != null) {
                    events.add(event);
                    sources.add(record);
                }
            } catch (RejectedEventException e) {
                parkOnce(consumer, record, e, deadLetters);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            applyOnce(consumer, "a batch of " + events.size() + " events",
                    () -> effect.accept(firstTimes(consumer, events)));
        } catch (RejectedEventException batchFailed) {
            LOG.warnf("%s applies a failed batch one event at a time: %s", consumer, batchFailed.getMessage());
            for (int i = 0; i < events.size(); i++) {
                Envelope<?> event = events.get(i);
                try {
                    applyOnce(consumer, "event " + event.id(), () -> {
                        if (firstTime(consumer, event.id())) {
                            effect.accept(List.of(event));
                        }
                    });
                } catch (RejectedEventException e) {
                    parkOnce(consumer, sources.get(i), e, deadLetters);
                }
            }
        }
    }

    /**
     * Parks a record on its dead-letter topic unless this consumer parked it before. Offsets are committed a few
     * seconds after a batch (longer while the broker is away), so a crash in between redelivers records that were
     * already parked; a mark in processed_event, written once the dead-letter topic has acknowledged, keeps the
     * dead-letter queue to one copy. The mark names the record's place and broker timestamp, not its event id:
     * an unreadable record may have none, and a reset cluster reuses offsets but not their timestamps.
     */
    private void parkOnce(String consumer, ConsumerRecord<String, byte[]> record, RejectedEventException reason,
            BiConsumer<ConsumerRecord<String, byte[]>, RejectedEventException> deadLetters) {
        String mark = "dead-letter:" + record.topic() + "-" + record.partition() + "@" + record.offset() + "/"
                + record.timestamp();
        AtomicBoolean parkedBefore = new AtomicBoolean();
        applyOnce(consumer, "the dead-letter check of " + mark, () -> parkedBefore.set(entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = :consumer and event_id = :id")
                .setParameter("consumer", consumer).setParameter("id", mark).getSingleResult() instanceof Number n
                && n.longValue() > 0));
        if (parkedBefore.get()) {
            LOG.infof("%s finds %s parked before (redelivered after a restart); not parked again", consumer, mark);
            return;
        }
        deadLetters.accept(record, reason);
        countDeadLetter(record, reason);
        applyOnce(consumer, "the dead-letter mark of " + mark, () -> firstTime(consumer, mark));
    }

    /** The record's event; null for a type this consumer does not know (skipped, as newer producers may add some). */
    private Envelope<?> decode(String consumer, ConsumerRecord<String, byte[]> record) {
        try {
            return EventCodec.decode(record.key(), headers(record), record.value());
        } catch (UnknownEventTypeException e) {
            LOG.infof("%s skips %s at %s-%d@%d", consumer, e.getMessage(), record.topic(), record.partition(),
                    record.offset());
            return null;
        } catch (MalformedEventException e) {
            throw new RejectedEventException(e.getMessage(), e).kind("malformed");
        }
    }

    /**
     * Runs {@code work} in a new transaction until it commits: database outages are waited out, other failures
     * retried a little, then given up as a {@link RejectedEventException} of kind "failing".
     */
    private void applyOnce(String consumer, String what, Runnable work) {
        Duration backoff = Duration.ofMillis(100);
        int failures = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RejectedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    // Not acknowledged, so redelivered after the restart; never dead-lettered for our own shutdown.
                    LOG.infof("%s leaves %s for redelivery: shutting down (%s)", consumer, what, e.toString());
                    waitForExit();
                }
                if (!isTransient(e) && ++failures >= ATTEMPTS_FOR_OTHER_FAILURES) {
                    throw new RejectedEventException("failed " + failures + " times: " + e, e).kind("failing");
                }
                LOG.warnf("%s could not apply %s, retrying in %d ms: %s", consumer, what, backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /** Parks the thread until the process exits (Quarkus ends with System.exit), without nacking the event. */
    @SuppressWarnings("InfiniteLoopStatement")
    private static void waitForExit() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                // an interrupt must not turn into a nack, which would dead-letter a good event
            }
        }
    }

    /** duban_dlq_events_total{topic,reason}: one per record parked on a dead-letter topic. */
    private void countDeadLetter(ConsumerRecord<String, byte[]> record, RejectedEventException rejection) {
        registry.counter("duban.dlq.events", "topic", record.topic(), "reason", rejection.kind()).increment();
    }

    private boolean firstTime(String consumer, String eventId) {
        return !recordProcessed(consumer, List.of(eventId)).isEmpty();
    }

    /** The events not processed before, in order, now recorded as processed: one statement for the whole batch. */
    private List<Envelope<?>> firstTimes(String consumer, List<Envelope<?>> events) {
        Set<String> fresh = recordProcessed(consumer, events.stream().map(Envelope::id).distinct().toList());
        // remove, so an event delivered twice within one batch is applied once
        return events.stream().filter(event -> fresh.remove(event.id())).toList();
    }

    /** Records {@code ids} (distinct) as processed by {@code consumer}; returns those it had not processed before. */
    private Set<String> recordProcessed(String consumer, List<String> ids) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) as id
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids.toArray()));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    /** Connection loss, server shutdown, pool exhaustion, serialization conflicts: worth waiting out. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.startsWith("40")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
