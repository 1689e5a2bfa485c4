package cn.duban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Parking while the broker is away: the producer gives up on a send (nack after its delivery timeout), and the
 * record must be sent again until the broker takes it — an exception here would fail the whole batch.
 */
class DeadLettersTest {

    @Test
    void aSendTheBrokerRefusedIsMadeAgainUntilItIsAcknowledged() {
        DeadLetterTopic topic = new DeadLetterTopic(2); // the first two sends fail, as while the broker is down
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("duban.progress.v1", 3, 42L, "2022-AGR-003",
                "{\"reportId\":".getBytes(StandardCharsets.UTF_8));

        DeadLetters.park(topic, record, new RejectedEventException("unreadable JSON"));

        assertThat(topic.sent).hasSize(3);
        assertThat(topic.acknowledged).isEqualTo(1);
        assertThat(header(topic.sent.get(2), "dead-letter-reason")).isEqualTo("unreadable JSON");
        assertThat(header(topic.sent.get(2), "dead-letter-offset")).isEqualTo("42");
    }

    private static String header(Message<byte[]> message, String name) {
        var metadata = message.getMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.class)
                .orElseThrow();
        return new String(metadata.getHeaders().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** A dead-letter topic whose broker refuses the first {@code failures} sends, then acknowledges. */
    private static final class DeadLetterTopic implements Emitter<byte[]> {
        final List<Message<byte[]>> sent = new ArrayList<>();
        int acknowledged;
        private int failures;

        DeadLetterTopic(int failures) {
            this.failures = failures;
        }

        @Override
        public <M extends Message<? extends byte[]>> void send(M message) {
            @SuppressWarnings("unchecked")
            Message<byte[]> m = (Message<byte[]>) message;
            sent.add(m);
            if (failures-- > 0) {
                m.nack(new IllegalStateException("Expiring 1 record(s): delivery timeout"));
            } else {
                acknowledged++;
                m.ack();
            }
        }

        @Override
        public CompletionStage<Void> send(byte[] payload) {
            throw new UnsupportedOperationException("DeadLetters sends messages with metadata");
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
