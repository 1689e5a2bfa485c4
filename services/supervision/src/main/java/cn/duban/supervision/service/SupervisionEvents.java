package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.EventPayload;
import cn.duban.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/** What the desks tell the other services goes out in supervision's name, through the outbox in the caller's transaction. */
@ApplicationScoped
public class SupervisionEvents {
    @Inject
    Outbox outbox;

    public void publish(String actor, OffsetDateTime at, EventPayload payload) {
        outbox.publish(Envelope.of(LedgerImport.SERVICE, actor, at, payload));
    }
}
