package cn.duban.supervision.service;

import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.AlertState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The office's alerts as metrics: {@code duban_alerts_raised_total{rule,light}}, counted when the raising
 * transaction commits, and {@code duban_alerts_open{light}}, the unresolved alerts (open or acknowledged) counted
 * from the database every few seconds, so a scrape never queries it.
 */
@ApplicationScoped
public class AlertMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager entityManager;

    /**
     * Named, not "not RESOLVED": alert_state_idx then reads only the unresolved alerts every few seconds, not every
     * alert ever raised.
     */
    private static final List<String> UNRESOLVED = Arrays.stream(AlertState.values())
            .filter(state -> state != AlertState.RESOLVED).map(Enum::name).toList();

    private final Map<Light, Double> open = new EnumMap<>(Light.class);

    @PostConstruct
    void register() {
        for (Light light : Light.values()) {
            open.put(light, 0.0);
            Gauge.builder("duban.alerts.open", this, m -> m.open.get(light)).tag("light", light.name())
                    .description("Unresolved alerts (open or acknowledged) by light").strongReference(true)
                    .register(registry);
        }
    }

    /** Called in the transaction that raises the alert; counts it only if that transaction commits. */
    void raised(String rule, String light) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    registry.counter("duban.alerts.raised", "rule", rule, "light", light).increment();
                }
            }
        });
    }

    @Scheduled(every = "${duban.metrics.alerts-open-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // no database query while shutting down
    @Transactional
    void countOpen() {
        Map<Light, Double> counted = new EnumMap<>(Light.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select light, count(*) from alert where state in (:unresolved) group by light")
                .setParameter("unresolved", UNRESOLVED).getResultList();
        rows.forEach(row -> counted.put(Light.valueOf((String) row[0]), ((Number) row[1]).doubleValue()));
        for (Light light : Light.values()) {
            open.put(light, counted.getOrDefault(light, 0.0));
        }
    }
}
