package cn.duban.bench;

import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.Sector;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Progress reports as a sector service publishes them: a ProgressReported in a CloudEvents envelope, encoded by
 * the one contract (EventCodec), keyed by task id. The raw-limit measurements use the same records.
 */
final class ProgressEvents {
    static final LocalDate AS_OF = LocalDate.of(2022, 2, 28);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Ledgered(String id, String sector, String leadUnit) {
    }

    private ProgressEvents() {
    }

    static Envelope<ProgressReported> report(Ledgered task, int seq) {
        ProgressReported data = new ProgressReported("R-bench-" + UUID.randomUUID(), task.id(), task.sector(),
                task.leadUnit(), AS_OF, List.of(new Figure("高标准农田", BigDecimal.valueOf(100 + seq % 900))),
                BigDecimal.valueOf(1200), null, List.of(), "基准测试进度报告 " + seq + "：已完成阶段性工作", null,
                "继续推进", List.of(), false, OffsetDateTime.now(ZONE), "bench", null, null);
        return Envelope.of(Sector.fromId(task.sector()).map(Sector::id).orElse("agriculture"), "bench",
                OffsetDateTime.now(ZONE), data);
    }

    static ProducerRecord<String, byte[]> record(Envelope<?> event) {
        EncodedEvent encoded = EventCodec.encode(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(encoded.topic(), encoded.key(), encoded.value());
        encoded.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Bytes of one encoded report on the wire: value plus CloudEvents headers. */
    static int size(Envelope<?> event) {
        EncodedEvent encoded = EventCodec.encode(event);
        return encoded.value().length + encoded.headers().entrySet().stream()
                .mapToInt(e -> e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
