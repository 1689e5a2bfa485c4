package cn.duban.faults;

import cn.duban.events.Topics;
import cn.duban.testsupport.LocalInfra;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What arrived where: read from supervision's and the sectors' own databases and from the broker, never from the clients. */
final class Tally {
    record Stored(String reportId, BigDecimal investment) {
    }

    /**
     * @param total    records on the DLQ
     * @param distinct records counted once by the place they were parked from ({@code dead-letter-topic},
     *                 {@code -partition}, {@code -offset}): the DLQ is at-least-once (docs/events.md), readers go by that
     * @param injected distinct records this run injected
     */
    record DeadLetters(int total, int distinct, int injected) {
        int copies() {
            return total - distinct;
        }
    }

    /** Supervision's copy of this run's reports, by the request id each carries in its narrative. */
    Map<String, List<Stored>> atSupervision(String marker) {
        Map<String, List<Stored>> byRequest = new HashMap<>();
        query("supervision", "select report_id, investment, narrative from progress_report where narrative like ?",
                rs -> byRequest.computeIfAbsent(rs.getString(3).substring(marker.length()),
                        k -> new ArrayList<>()).add(new Stored(rs.getString(1), rs.getBigDecimal(2))), marker + "%");
        return byRequest;
    }

    /** Reports of this run the sector services stored (one row per accepted submission). */
    int atSectors(String marker) {
        int[] count = {0};
        for (String sector : Services.SECTORS) {
            query(sector, "select count(*) from submission where kind = 'ProgressReported' and payload->>'narrative' like ?",
                    rs -> count[0] += rs.getInt(1), marker + "%");
        }
        return count[0];
    }

    /** Outbox rows not yet acknowledged by the broker, over the six sector services. */
    int unpublished() {
        return Services.SECTORS.stream().mapToInt(this::unpublished).sum();
    }

    int unpublished(String service) {
        int[] count = {0};
        query(service, "select count(*) from outbox_event where published_at is null", rs -> count[0] = rs.getInt(1));
        return count[0];
    }

    /** How many progress events supervision's consumer group has not yet committed. */
    long supervisionLag() {
        Properties props = new Properties();
        props.putAll(LocalInfra.kafkaClientConfig());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("supervision")
                    .partitionsToOffsetAndMetadata().get();
            Set<TopicPartition> partitions = admin.describeTopics(Topics.progressTopics()).allTopicNames().get()
                    .values().stream().flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toSet());
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get();
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata at = committed.get(p);
                lag += ends.get(p).offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read supervision's consumer lag", e);
        }
    }

    /** Every record on duban.progress.v1.dlq (the broker is fresh each run), and those this run injected. */
    DeadLetters deadLetters(String runId) {
        String topic = Topics.PROGRESS_DEAD_LETTERS;
        Properties props = new Properties();
        props.putAll(LocalInfra.kafkaClientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int total = 0;
        Set<String> parkedFrom = new HashSet<>();
        Set<String> injected = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    total++;
                    String from = header(record, "dead-letter-topic") + "-" + header(record, "dead-letter-partition")
                            + "@" + header(record, "dead-letter-offset");
                    parkedFrom.add(from);
                    if (runId.equals(header(record, Malformed.RUN_HEADER))) {
                        injected.add(from);
                    }
                }
            }
        }
        return new DeadLetters(total, parkedFrom.size(), injected.size());
    }

    /**
     * Alerts raised twice (issue 21): AlertRaised events on duban.alerts.v1 naming an alert id another event (another
     * ce_id) named already, plus open alerts at supervision for the same task, rule and milestone at once. Both must be
     * none however many supervision replicas evaluate. {@code redelivered} counts second copies of one event: the
     * outbox relay resends a batch a crash caught between the broker's ack and marking it published (at least once;
     * consumers drop them by event id), so they are reported, not failed.
     */
    record TwiceRaised(int raisedEvents, int sameAlertAgain, int openTwice, int redelivered) {
    }

    TwiceRaised alertsRaisedTwice() {
        Properties props = new Properties();
        props.putAll(LocalInfra.kafkaClientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Set<String>> byAlert = new HashMap<>();
        int[] records = {0};
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if ("duban.AlertRaised.v1".equals(header(record, "ce_type"))) {
                        records[0]++;
                        byAlert.computeIfAbsent(alertId(record.value()), id -> new HashSet<>()).add(header(record, "ce_id"));
                    }
                }
            }
        }
        int[] openTwice = {0};
        query("supervision", """
                select count(*) from (select task_id, rule, coalesce(milestone, '') from alert where state <> 'RESOLVED'
                group by 1, 2, 3 having count(*) > 1) twice""", rs -> openTwice[0] = rs.getInt(1));
        int raised = byAlert.values().stream().mapToInt(Set::size).sum();
        return new TwiceRaised(raised, raised - byAlert.size(), openTwice[0], records[0] - raised);
    }

    /** Supervision's alert notices: the newest position given, and how many committed ones have none yet. */
    record Notices(long newest, int unpositioned) {
    }

    Notices notices() {
        long[] newest = {0};
        int[] unpositioned = {0};
        query("supervision", "select coalesce(max(position), 0), count(*) filter (where position is null) from alert_notice",
                rs -> {
                    newest[0] = rs.getLong(1);
                    unpositioned[0] = rs.getInt(2);
                });
        return new Notices(newest[0], unpositioned[0]);
    }

    /** The positions of the notices from {@code first} to {@code last}, both included: what a stream must have sent. */
    List<Long> noticePositions(long first, long last) {
        List<Long> positions = new ArrayList<>();
        query("supervision", "select position from alert_notice where position between ?::bigint and ?::bigint order by 1",
                rs -> positions.add(rs.getLong(1)), Long.toString(first), Long.toString(last));
        return positions;
    }

    private static String alertId(byte[] value) {
        try {
            return cn.duban.events.EventCodec.json().readTree(value).path("alertId").asText();
        } catch (java.io.IOException e) {
            return "unreadable-" + UUID.randomUUID();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** SHA-256 over "reportId:investment" lines in report-id order: one number for a whole set of reports. */
    static String checksum(Collection<Stored> reports) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            reports.stream().map(r -> r.reportId() + ":" + (r.investment() == null ? "-"
                    : r.investment().stripTrailingZeros().toPlainString())).sorted()
                    .forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(String service, String sql, Row row, String... parameters) {
        try (Connection c = DriverManager.getConnection(LocalInfra.jdbcUrl(service), LocalInfra.dbUser(), "");
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + service + "'s database: " + e.getMessage(), e);
        }
    }
}
