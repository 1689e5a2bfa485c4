package cn.duban.platform.messaging;

import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * The only way a Duban service publishes: the event is stored with the change it announces, in the
 * caller's transaction, so it is sent if and only if the change commits. {@link OutboxRelay} sends it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    Event<OutboxWritten> written;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Envelope<?> event) {
        EncodedEvent encoded = EventCodec.encode(event);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = encoded.topic();
        row.key = encoded.key();
        row.headers = encoded.headers();
        row.payload = new String(encoded.value(), StandardCharsets.UTF_8);
        row.createdAt = OffsetDateTime.now();
        row.traceparent = TraceContext.current();
        entityManager.persist(row);
        written.fire(new OutboxWritten());
    }

    /** Fired inside the writing transaction; the relay wakes when that transaction commits. */
    public record OutboxWritten() {
    }
}
