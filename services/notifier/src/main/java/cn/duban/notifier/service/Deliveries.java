package cn.duban.notifier.service;

import cn.duban.notifier.repository.DeliveryAttempt;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.Receiver;
import cn.duban.notifier.view.DeliveryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The delivery log as the office reads it: the messages that carried an alert, each with its attempts. */
@ApplicationScoped
public class Deliveries {

    /**
     * For one alert (or reminder); without one, the latest {@code limit} messages, optionally of one receiver. Each
     * with its attempts, oldest first.
     */
    @Transactional
    public List<DeliveryView> find(String noticeId, String receiverName, int limit) {
        List<OutboundMessage> messages;
        if (noticeId != null) {
            messages = OutboundMessage.carrying(noticeId);
        } else if (receiverName != null) {
            Receiver receiver = Receiver.named(receiverName).orElse(null);
            messages = receiver == null ? List.of()
                    : OutboundMessage.find("receiverId = ?1 order by seq desc", receiver.id).page(0, limit).list();
        } else {
            messages = OutboundMessage.find("order by seq desc").page(0, limit).list();
        }
        Map<Long, Receiver> receivers = Receiver.<Receiver>listAll().stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        return messages.stream().map(m -> DeliveryView.of(m, receivers.get(m.receiverId), DeliveryAttempt.of(m.id))).toList();
    }
}
