package cn.duban.notifier.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** The notifier's duban_notifier_* metrics (docs/operations.md and docs/notifier.md list them). */
@ApplicationScoped
public class NotifierMetrics {

    @Inject
    MeterRegistry registry;

    /** duban_notifier_messages_total{kind,outcome=written|delivered|gave_up}. */
    public void message(String kind, String outcome) {
        registry.counter("duban.notifier.messages", "kind", kind, "outcome", outcome).increment();
    }

    /** duban_notifier_delivery_attempts_total{kind,outcome} and the time the receiver took to answer. */
    public void attempt(String kind, String outcome, Duration took) {
        registry.counter("duban.notifier.delivery.attempts", "kind", kind, "outcome", outcome).increment();
        Timer.builder("duban.notifier.delivery.duration").tag("kind", kind).register(registry).record(took);
    }

    /** duban_notifier_held_total{reason=silenced|inhibited|quiet_hours}: a notice kept back at a flush. */
    public void held(String reason) {
        registry.counter("duban.notifier.held", "reason", reason).increment();
    }

    /** duban_notifier_rate_limited_total{kind}: a send waited for its receiver's rate window. */
    public void rateLimited(String kind) {
        registry.counter("duban.notifier.rate.limited", "kind", kind).increment();
    }

    /** duban_notifier_unrouted_total: a notice no route took (no routing tree yet). */
    public void unrouted() {
        registry.counter("duban.notifier.unrouted").increment();
    }
}
