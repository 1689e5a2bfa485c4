package cn.duban.sectorkit.event;

import cn.duban.platform.messaging.IdempotentConsumer;
import cn.duban.sectorkit.service.AlertInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads duban.alerts.v1 into this sector's alert inbox. */
@ApplicationScoped
public class AlertConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    AlertInbox inbox;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume("sector.alerts", record, inbox::concerns, inbox::apply);
    }
}
