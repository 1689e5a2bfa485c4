package cn.duban.supervision.event;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
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
 * Reads the six progress topics: every report, acknowledgement, extension request and completion claim. A poll's worth
 * of records is applied in one transaction (on the 25th of the month, a commit per report is the bottleneck);
 * an unreadable record is parked on duban.progress.v1.dlq with its reason and the others go on. So is a record about
 * another sector's task: only a sector's own service may write its topic (the broker's ACLs), so the topic is the
 * one thing about a record its sender cannot choose.
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
        consumer.consumeAll("supervision.progress", inPollOrder, ProgressConsumer::notOfItsTopicsSector,
                intake::acceptAll, (record, reason) -> DeadLetters.park(deadLetters, record, reason));
    }

    /** Why a record's task is not of the sector whose topic it came on; null when it is. */
    static String notOfItsTopicsSector(ConsumerRecord<String, byte[]> record) {
        Sector topicSector = Topics.sectorOfProgress(record.topic()).orElse(null);
        Sector taskSector = Sector.ofTaskId(record.key()).orElse(null);
        if (topicSector == null) {
            return "not a progress topic: " + record.topic();
        }
        if (taskSector != topicSector) {
            return "task " + record.key() + " is not a task of " + topicSector.id() + ", whose topic " + record.topic()
                    + " it came on";
        }
        return null;
    }
}
