package cn.duban.supervision.event;

import cn.duban.platform.messaging.IdempotentConsumer;
import cn.duban.supervision.service.ProgressIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads duban.progress.v1: every report, acknowledgement, extension request and completion claim. */
@ApplicationScoped
public class ProgressConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProgressIntake intake;

    @Incoming("progress")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume("supervision.progress", record, intake::accept);
    }
}
