package cn.duban.sectorkit.event;

import cn.duban.platform.messaging.IdempotentConsumer;
import cn.duban.sectorkit.service.TaskProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads duban.tasks.v1 into this sector's assigned-task projection. */
@ApplicationScoped
public class TaskConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    TaskProjection projection;

    @Incoming("tasks")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume("sector.tasks", record, projection::concerns, projection::apply);
    }
}
