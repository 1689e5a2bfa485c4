package cn.duban.notifier.view;

import cn.duban.notifier.repository.DeliveryAttempt;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.Receiver;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message in the delivery log: where it went, what it said, where it stands, and every attempt with the receiver's
 * answer; {@code nextAttemptAt} only while it is still to be sent.
 */
public record DeliveryView(String messageId, String receiver, String kind, String title, List<String> notices,
        String status, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
        String lastError, List<AttemptView> log) {

    public record AttemptView(OffsetDateTime at, String outcome, Integer statusCode, String answer, long durationMs) {
        public static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attemptedAt, a.outcome.name(), a.statusCode, a.answer, a.durationMs);
        }
    }

    /** {@code receiver}: null when the receiver has been removed since. */
    public static DeliveryView of(OutboundMessage m, Receiver receiver, List<DeliveryAttempt> attempts) {
        return new DeliveryView(m.id, receiver == null ? null : receiver.name, receiver == null ? null : receiver.kind.id(),
                m.content.title(), m.noticeIds, m.status.name(), m.attempts, m.createdAt,
                m.status == OutboundMessage.Status.PENDING ? m.nextAttemptAt : null, m.sentAt, m.lastError,
                attempts.stream().map(AttemptView::of).toList());
    }
}
