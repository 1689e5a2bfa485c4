package cn.duban.platform.messaging;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written and marks them published only after the
 * broker acknowledged them (acks=all, idempotent producer). A crash between send and mark resends the
 * batch: delivery is at least once, and consumers drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<byte[]> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxBacklog backlog;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private long lastCleanup = System.nanoTime();

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Graceful shutdown: the relay finishes what was committed before the service stops. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(config.sendTimeout().plusSeconds(5).toMillis());
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wakeUp.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                drain();
                cleanUpNowAndThen();
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish, retrying in %d ms: %s", backoff.toMillis(), e.toString());
                measureBacklog();
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                continue;
            }
            measureBacklog();
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("outbox not fully drained at shutdown; the rest is sent at next start: %s", e.toString());
        }
    }

    /** Relays batches until the outbox is empty. */
    public void drain() {
        while (relayBatch() == config.batchSize()) {
            // a full batch: there may be more
        }
    }

    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().plusSeconds(30).toSeconds()).call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = entityManager.createNativeQuery("""
                    select * from outbox_event where published_at is null
                    order by id limit :n for update skip locked""", OutboxEvent.class)
                    .setParameter("n", config.batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(acks).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("broker did not acknowledge " + batch.size() + " events", e);
            }
            OffsetDateTime now = OffsetDateTime.now();
            batch.forEach(row -> row.publishedAt = now);
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        row.headers.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        Context writer = TraceContext.of(row.traceparent);
        Delivery delivery = Delivery.of(Message.of(row.payload.getBytes(StandardCharsets.UTF_8))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic).withKey(row.key).withHeaders(headers).build())
                // the connector's producer span joins the writer's trace and puts its traceparent on the record
                .addMetadata(TracingMetadata.withCurrent(writer)));
        try (Scope ignored = writer.makeCurrent()) { // for anything that reads the current context instead
            emitter.send(delivery.message());
        }
        return delivery.acked();
    }

    private void cleanUpNowAndThen() {
        if (System.nanoTime() - lastCleanup < CLEANUP_EVERY.toNanos()) {
            return;
        }
        lastCleanup = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_event where published_at < :before")
                .setParameter("before", OffsetDateTime.now().minus(config.retention()))
                .executeUpdate());
    }

    private void measureBacklog() {
        try {
            backlog.measure();
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not measured: %s", e.toString());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
