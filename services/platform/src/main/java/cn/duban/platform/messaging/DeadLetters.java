package cn.duban.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Parks one record of a batch on its dead-letter topic as the connector's dead-letter-queue strategy would (same
 * key, value and headers, plus {@code dead-letter-*} headers with the reason), and waits for the broker's
 * acknowledgement: a batch is acknowledged as a whole, so the record must be safe before its offset is committed.
 */
public final class DeadLetters {
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
        CompletableFuture<Void> acked = new CompletableFuture<>();
        deadLetterTopic.send(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            acked.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not park a record of " + record.topic() + " on its dead-letter topic", e);
        }
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
