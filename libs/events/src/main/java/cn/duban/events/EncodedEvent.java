package cn.duban.events;

import java.util.Map;

/** An event as it travels on Kafka in CloudEvents binary mode: topic, key, {@code ce_} headers and JSON value. */
public record EncodedEvent(String topic, String key, Map<String, String> headers, byte[] value) {
    public EncodedEvent {
        headers = Map.copyOf(headers);
    }
}
