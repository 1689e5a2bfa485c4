package cn.duban.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads Duban events in the CloudEvents 1.0 Kafka protocol binding, binary content mode:
 * attributes in {@code ce_*} headers, the data as the JSON record value, the task id as the key.
 * Binary mode lets consumers dedup and route on headers without parsing the body, and keeps the
 * value a plain JSON document for tools such as kcat.
 */
public final class EventCodec {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TYPE = "ce_type";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_ACTOR = "ce_actor";
    public static final String H_CONTENT_TYPE = "content-type";

    /** Always with seconds: {@code OffsetDateTime.toString()} drops zero seconds, which RFC 3339 does not allow. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    /** The JSON mapper of the contract; services use it for payloads they store as JSON. */
    public static ObjectMapper json() {
        return JSON;
    }

    public static EncodedEvent encode(Envelope<?> event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(H_SPECVERSION, SPEC_VERSION);
        headers.put(H_ID, event.id());
        headers.put(H_SOURCE, event.source());
        headers.put(H_TYPE, event.type().ceType());
        headers.put(H_SUBJECT, event.subject());
        headers.put(H_TIME, RFC_3339.format(event.time()));
        headers.put(H_ACTOR, event.actor());
        headers.put(H_CONTENT_TYPE, CONTENT_TYPE);
        try {
            return new EncodedEvent(event.type().topic(event.subject()), event.subject(), headers, JSON.writeValueAsBytes(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.type(), e);
        }
    }

    /**
     * Reads one record. Fields the payload does not know are ignored (newer producers may add some);
     * anything missing, unreadable or invalid is a {@link MalformedEventException} naming the reason.
     */
    public static Envelope<?> decode(String key, Map<String, String> headers, byte[] value)
            throws MalformedEventException {
        if (!SPEC_VERSION.equals(headers.get(H_SPECVERSION))) {
            throw new MalformedEventException("not a CloudEvents 1.0 record (ce_specversion="
                    + headers.get(H_SPECVERSION) + ")");
        }
        String id = required(headers, H_ID);
        String source = required(headers, H_SOURCE);
        String ceType = required(headers, H_TYPE);
        String subject = required(headers, H_SUBJECT);
        OffsetDateTime time = time(required(headers, H_TIME));
        String contentType = headers.get(H_CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CONTENT_TYPE)) {
            throw new MalformedEventException("unsupported content-type " + contentType);
        }
        EventType type = EventType.ofCeType(ceType).orElseThrow(() -> new UnknownEventTypeException(ceType));
        EventPayload data = data(type, value);
        List<String> violations = data.violations();
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid " + ceType + ": " + String.join("; ", violations));
        }
        if (!Objects.equals(subject, data.taskId()) || (key != null && !key.equals(subject))) {
            throw new MalformedEventException("key '" + key + "', ce_subject '" + subject + "' and taskId '"
                    + data.taskId() + "' disagree");
        }
        return new Envelope<>(id, type, source, time, headers.getOrDefault(H_ACTOR, "system"), data);
    }

    private static EventPayload data(EventType type, byte[] value) throws MalformedEventException {
        if (value == null || value.length == 0) {
            throw new MalformedEventException("empty data for " + type.ceType());
        }
        try {
            EventPayload data = JSON.readValue(value, type.payloadClass());
            if (data == null) {
                throw new MalformedEventException("null data for " + type.ceType());
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("unreadable " + type.ceType() + " data: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("unreadable " + type.ceType() + " data: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) throws MalformedEventException {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static OffsetDateTime time(String value) throws MalformedEventException {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not RFC 3339: " + value, e);
        }
    }
}
