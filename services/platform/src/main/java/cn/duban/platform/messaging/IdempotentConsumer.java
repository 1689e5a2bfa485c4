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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
        Envelope<?> event = decode(consumer, record);
        if (event == null || !concerns.test(event)) {
            return;
        }
        applyOnce(consumer, "event " + event.id(), record, () -> {
            if (firstTime(consumer, event.id())) {
                effect.accept(event);
            }
        });
    }

    /**
     * Applies a poll's worth of records in one transaction: one commit for many events instead of one each.
     * Unreadable records go to {@code deadLetters} and the others go on; if the batch cannot be applied, its events
     * are applied one at a time, so only an event that cannot be applied itself is dead-lettered.
     *
     * @param effect runs in a transaction with the batch's events not processed before, in record order
     */
    public void consumeAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
            Consumer<List<Envelope<?>>> effect, BiConsumer<ConsumerRecord<String, byte[]>, RejectedEventException> deadLetters) {
        List<Envelope<?>> events = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Envelope<?> event = decode(consumer, record);
                if (event != null) {
                    events.add(event);
                    sources.add(record);
                }
            } catch (RejectedEventException e) {
                deadLetters.accept(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            applyOnce(consumer, "a batch of " + events.size() + " events", null, () -> effect.accept(
                    events.stream().filter(event -> firstTime(consumer, event.id())).toList()));
        } catch (RejectedEventException batchFailed) {
            LOG.warnf("%s applies a failed batch one event at a time: %s", consumer, batchFailed.getMessage());
            for (int i = 0; i < events.size(); i++) {
                Envelope<?> event = events.get(i);
                try {
                    applyOnce(consumer, "event " + event.id(), sources.get(i), () -> {
                        if (firstTime(consumer, event.id())) {
                            effect.accept(List.of(event));
                        }
                    });
                } catch (RejectedEventException e) {
                    deadLetters.accept(sources.get(i), e);
                }
            }
        }
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
            throw deadLetter(record, "malformed", new RejectedEventException(e.getMessage(), e));
        }
    }

    /**
     * Runs {@code work} in a new transaction until it commits: database outages are waited out, other failures
     * retried a little. A rejection leaving for the dead-letter queue is counted against {@code record}; a whole
     * batch ({@code record} null) is not dead-lettered but retried event by event, so it is not counted.
     */
    private void applyOnce(String consumer, String what, ConsumerRecord<String, byte[]> record, Runnable work) {
        Duration backoff = Duration.ofMillis(100);
        int failures = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RejectedEventException e) {
                throw record == null ? e : deadLetter(record, "rejected", e);
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    // Not acknowledged, so redelivered after the restart; never dead-lettered for our own shutdown.
                    LOG.infof("%s leaves %s for redelivery: shutting down", consumer, what);
                    waitForExit();
                }
                if (!isTransient(e) && ++failures >= ATTEMPTS_FOR_OTHER_FAILURES) {
                    RejectedEventException failing = new RejectedEventException("failed " + failures + " times: " + e, e);
                    throw record == null ? failing : deadLetter(record, "failing", failing);
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

    /**
     * Counts an event the channel's dead-letter queue is about to take: every Duban channel has
     * failure-strategy=dead-letter-queue, and only this exception leaves a consumer.
     */
    private RejectedEventException deadLetter(ConsumerRecord<String, byte[]> record, String reason,
            RejectedEventException rejection) {
        registry.counter("duban.dlq.events", "topic", record.topic(), "reason", reason).increment();
        return rejection;
    }

    private boolean firstTime(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, now())
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate() == 1;
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
