package cn.duban.notifier.delivery;

import cn.duban.events.EventCodec;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A department's own webhook: the notification as a CloudEvent in structured JSON ({@code application/cloudevents+json},
 * type {@code duban.Notification.v1}, id = the message's stable id, so a repeat is recognisable), signed with
 * {@code X-Duban-Signature: sha256=<hex HmacSHA256(secret, timestamp + "." + body)>} and {@code X-Duban-Timestamp}
 * (seconds). Any 2xx is delivered.
 */
@ApplicationScoped
public class WebhookChannel extends HttpChannel {
    public static final String TYPE = "duban.Notification.v1";
    public static final String SIGNATURE = "X-Duban-Signature";
    public static final String TIMESTAMP = "X-Duban-Timestamp";

    public WebhookChannel() {
        super(ReceiverKind.WEBHOOK);
    }

    @Override
    public Answer deliver(Target target, OutboundMessage message) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", message.id);
        event.put("source", "/duban/notifier");
        event.put("type", TYPE);
        Object notices = message.content.data().get("notices");
        if (notices instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            event.put("subject", first.get("taskId"));
        }
        event.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(message.createdAt));
        event.put("datacontenttype", "application/json");
        event.put("data", message.content.data());
        String body;
        try {
            body = EventCodec.json().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CloudEvent", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        long timestamp = System.currentTimeMillis() / 1000;
        headers.put(TIMESTAMP, String.valueOf(timestamp));
        if (target.secret() != null) {
            headers.put(SIGNATURE, Signatures.webhook(timestamp, body, target.secret()));
        }
        RobotHttp.Response response = http.post(target.url(), body, "application/cloudevents+json; charset=utf-8", headers);
        if (response.ok()) {
            return Answer.delivered(response.status(), response.said());
        }
        return response.status() == 429 ? Answer.tooFast(response.status(), response.said())
                : Answer.failed(response.failure() == null ? response.status() : null, response.said());
    }
}
