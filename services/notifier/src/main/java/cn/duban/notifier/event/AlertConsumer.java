package cn.duban.notifier.event;

import cn.duban.notifier.service.NoticeIntake;
import cn.duban.platform.messaging.DeadLetters;
import cn.duban.platform.messaging.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads duban.alerts.v1 (AlertRaised, AlertEscalated, AlertAcknowledged, AlertResolved, ReminderSent): a poll's worth
 * in one transaction, each event applied once (its id recorded with the effect), unreadable ones parked on
 * duban.alerts.v1.dlq with the reason.
 */
@ApplicationScoped
public class AlertConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    NoticeIntake intake;

    @Inject
    @Channel("alerts-dead-letters")
    Emitter<byte[]> deadLetters;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> inPollOrder = new ArrayList<>(records.count());
        records.forEach(inPollOrder::add);
        // when the poll's newest event was published (the producer's wall clock), for the business-time offset
        Instant publishedAt = Instant.ofEpochMilli(inPollOrder.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(0));
        consumer.consumeAll("notifier.alerts", inPollOrder, events -> intake.acceptAlerts(events, publishedAt),
                (record, reason) -> DeadLetters.park(deadLetters, record, reason));
    }
}
