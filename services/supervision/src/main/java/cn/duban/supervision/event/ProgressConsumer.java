package cn.duban.supervision.event;

import cn.duban.platform.messaging.DeadLetters;
import cn.duban.platform.messaging.IdempotentConsumer;
import cn.duban.supervision.service.ProgressIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads duban.progress.v1: every report, acknowledgement, extension request and completion claim. A poll's worth
 * of records is applied in one transaction (on the 25th of the month, a commit per report is the bottleneck);
 * an unreadable record is parked on duban.progress.v1.dlq with its reason and the others go on.
 */
@ApplicationScoped
public class ProgressConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProgressIntake intake;

    @Inject
    @Channel("progress-dead-letters")
    Emitter<byte[]> deadLetters;

    @Incoming("progress")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> inPollOrder = new ArrayList<>(records.count());
        records.forEach(inPollOrder::add);
        consumer.consumeAll("supervision.progress", inPollOrder, intake::acceptAll,
                (record, reason) -> DeadLetters.park(deadLetters, record, reason));
    }
}
