package cn.duban.events;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One CloudEvent: the attributes every Duban event carries, and its data.
 *
 * @param id     unique per event; consumers drop an id they have already processed
 * @param source the publishing service, e.g. {@code /duban/agriculture}
 * @param time   when it happened
 * @param actor  who caused it (user or client from the token), or {@code system}
 */
public record Envelope<T extends EventPayload>(String id, EventType type, String source, OffsetDateTime time,
        String actor, T data) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public static <T extends EventPayload> Envelope<T> of(String service, String actor, OffsetDateTime time, T data) {
        return new Envelope<>(UUID.randomUUID().toString(), EventType.of(data), "/duban/" + service, time,
                actor == null ? "system" : actor, data);
    }

    /** The CloudEvents {@code subject}, and the Kafka key: the task id. */
    public String subject() {
        return data.taskId();
    }
}
