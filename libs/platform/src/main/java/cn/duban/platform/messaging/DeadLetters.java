package cn.duban.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Parks one record of a batch on its dead-letter topic as the connector's dead-letter-queue strategy would (same
 * key, value and headers, plus {@code dead-letter-*} headers with the reason), and waits for the broker's
 * acknowledgement: a batch is acknowledged as a whole, so the record must be safe before its offset is committed.
 * A broker outage is waited out, however long: giving up would fail the batch, and the batch's good events with it.
 * Give the channel an unbounded {@code delivery.timeout.ms}: then the idempotent producer does the waiting, with the
 * record's sequence number, and a record the broker wrote just before it went away is not written again.
 */
public final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private DeadLetters() {
    }

    public static void park(Emitter<byte[]> deadLetterTopic, ConsumerRecord<String, byte[]> record, Exception reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", bytes(reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", bytes(reason.getCause().getMessage()));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                send(deadLetterTopic, record, headers).get();
                return;
            } catch (ExecutionException failed) {
                // The producer gave up: its delivery timeout passed (the dead-letter channels set it unbounded, so
                // the idempotent producer waits out an outage without a second copy) or the error is not retriable.
                LOG.warnf("could not park %s-%d@%d on its dead-letter topic, trying again in %d s: %s", record.topic(),
                        record.partition(), record.offset(), backoff.toSeconds(), failed.getCause());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parking a record of " + record.topic(), e);
            }
        }
    }

    private static CompletableFuture<Void> send(Emitter<byte[]> deadLetterTopic, ConsumerRecord<String, byte[]> record,
            RecordHeaders headers) {
        Delivery delivery = Delivery.of(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
        deadLetterTopic.send(delivery.message());
        return delivery.acked();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a record", e);
        }
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
