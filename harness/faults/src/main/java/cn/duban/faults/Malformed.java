package cn.duban.faults;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.testsupport.LocalInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events no consumer can accept, written straight onto duban.progress.v1 as a broken or hostile producer would:
 * each must end on duban.progress.v1.dlq, and the consumer must carry on.
 */
final class Malformed {
    static final String RUN_HEADER = "faults-run";
    private static final String TASK = "2022-AGR-001";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final String runId;
    private int sent;

    Malformed(String runId) {
        this.runId = runId;
    }

    int sent() {
        return sent;
    }

    /** {@code count} events, cycling through four ways of being unreadable. */
    void inject(int count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                send(producer);
            }
        }
    }

    private void send(KafkaProducer<String, byte[]> producer) {
        Map<String, String> headers = headers();
        String key = TASK;
        byte[] value = "{\"reportId\":\"R-x\"".getBytes(StandardCharsets.UTF_8); // truncated JSON
        switch (sent % 4) {
            case 1 -> headers.remove("ce_id");
            case 2 -> headers.put("ce_specversion", "0.3");
            case 3 -> key = "2022-AGR-002"; // key is not the subject
            default -> {
            }
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.progress(Sector.AGRICULTURE), key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            // Waits as long as the producer itself keeps trying: on a loaded host an acknowledgement can take longer
            // than one request timeout while the record is already written, and a shorter wait would then miscount.
            producer.send(record).get(DELIVERY_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not inject a malformed event: " + e, e);
        }
        sent++;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/duban/faults");
        headers.put("ce_type", "duban.ProgressReported.v1");
        headers.put("ce_subject", TASK);
        headers.put("ce_time", OffsetDateTime.now().toString());
        headers.put("content-type", "application/json");
        headers.put(RUN_HEADER, runId);
        return headers;
    }

    /** The super user's login: the run injects records where no service may write. */
    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(LocalInfra.kafkaClientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        return config;
    }
}
