package cn.duban.notifier.event;

import cn.duban.notifier.service.NoticeIntake;
import cn.duban.platform.messaging.DeadLetters;
import cn.duban.platform.messaging.IdempotentConsumer;
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
 * Reads duban.tasks.v1 (kept forever) into the task cards a message needs: title, units, leader, deadline,
 * milestones. Unreadable records go to duban.tasks.v1.dlq.
 */
@ApplicationScoped
public class TaskConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    NoticeIntake intake;

    @Inject
    @Channel("tasks-dead-letters")
    Emitter<byte[]> deadLetters;

    @Incoming("tasks")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> inPollOrder = new ArrayList<>(records.count());
        records.forEach(inPollOrder::add);
        consumer.consumeAll("notifier.tasks", inPollOrder, intake::acceptTasks,
                (record, reason) -> DeadLetters.park(deadLetters, record, reason));
    }
}
