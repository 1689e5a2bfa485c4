package cn.duban.testsupport;

import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka client for tests, logged in as the super user: sends raw or Duban events, and reads a topic from the start. */
public final class KafkaTestClient {
    private KafkaTestClient() {
    }

    public static void send(Envelope<?> event) {
        EncodedEvent encoded = EventCodec.encode(event);
        sendRaw(encoded.topic(), encoded.key(), encoded.headers(), encoded.value());
    }

    /** Sends whatever bytes and headers a test wants, well-formed or not. */
    public static void sendRaw(String topic, String key, Map<String, String> headers, byte[] value) {
        Properties props = new Properties();
        props.putAll(LocalInfra.kafkaClientConfig());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String topic, Duration timeout,
            Predicate<ConsumerRecord<String, byte[]>> wanted) {
        Properties props = new Properties();
        props.putAll(LocalInfra.kafkaClientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record);
                    if (wanted.test(record)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + " (saw " + seen.size() + ")");
    }

    /** The event a record carries, decoded as every Duban consumer decodes it. */
    public static cn.duban.events.Envelope<?> decode(ConsumerRecord<String, byte[]> record) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return cn.duban.events.EventCodec.decode(record.key(), headers, record.value());
        } catch (Exception e) {
            throw new AssertionError("not a Duban event: " + record, e);
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
