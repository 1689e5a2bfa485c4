package cn.duban.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * How far the relay is behind: unpublished rows and the age of the oldest, measured by the relay after each pass
 * (about once a second), so a scrape never touches the database. When the database cannot be read the last values
 * stay, and the relay's warnings in the log say why.
 */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    // NaN until the relay's first pass: "not measured" must not read as "empty".
    private volatile double unpublished = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;

    @PostConstruct
    void register() {
        Gauge.builder("duban.outbox.backlog", this, b -> b.unpublished)
                .description("Outbox rows written but not yet acknowledged by Kafka")
                .strongReference(true).register(registry);
        Gauge.builder("duban.outbox.oldest.age", this, b -> b.oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row; 0 when the outbox is drained")
                .strongReference(true).register(registry);
    }

    void measure() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                from outbox_event where published_at is null""").getSingleResult());
        unpublished = ((Number) row[0]).doubleValue();
        oldestAgeSeconds = Math.max(0, ((Number) row[1]).doubleValue());
    }
}
