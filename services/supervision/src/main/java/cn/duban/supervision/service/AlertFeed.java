package cn.duban.supervision.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * Live alert notices for the SSE stream. A notice is fired inside the transaction that makes the change and
 * delivered only once it commits, so a stream never announces what was rolled back.
 */
@ApplicationScoped
public class AlertFeed {
    private final BroadcastProcessor<Notice> processor = BroadcastProcessor.create();

    /** What happened to which alert, and the units it concerns. */
    public record Notice(String event, String alertId, String taskId, String rule, String light, String state,
            int escalationLevel, String milestone, List<String> units, String message, OffsetDateTime at) {
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
        processor.onNext(notice);
    }

    /** The notices a subscriber may see, from now on. */
    public Multi<Notice> stream(Predicate<Notice> visible) {
        return processor.select().where(visible);
    }
}
