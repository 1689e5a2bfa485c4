package cn.duban.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets processed event ids after {@code duban.messaging.processed-retention} (30 days by default). An id only
 * has to be remembered while its event can still be redelivered: that is while its consumer group's offset is
 * uncommitted, which Kafka keeps for at most {@code offsets.retention.minutes} (7 days by default), so 30 days
 * leaves a wide margin (docs/operations.md). Deleted a batch at a time, so the table is never locked for long.
 */
@ApplicationScoped
public class ProcessedEventPurge {
    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);
    private static final int ROWS_PER_BATCH = 5000;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "duban.messaging.processed-retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(every = "${duban.messaging.processed-purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        OffsetDateTime before = OffsetDateTime.now().minus(retention);
        int purged = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    delete from processed_event where ctid in
                    (select ctid from processed_event where processed_at < :before limit :rows)""")
                    .setParameter("before", before).setParameter("rows", ROWS_PER_BATCH).executeUpdate());
            purged += batch;
        } while (batch == ROWS_PER_BATCH);
        if (purged > 0) {
            LOG.infof("forgot %d processed event ids older than %s", purged, retention);
        }
    }
}
