package cn.duban.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/asyncapi.yaml against the contract in code: channels and messages against {@link EventType} and
 * {@link Topics}, headers against {@link EventCodec}, payload schemas against the records, and what
 * EventCodec writes against the schemas, so the document cannot drift from what is on the wire.
 */
class AsyncApiContractTest {
    static final Path DOCUMENT = Path.of(System.getProperty("duban.root", "../.."), "docs", "asyncapi.yaml");
    static final ObjectMapper JSON = EventCodec.json();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        doc = new YAMLMapper().readTree(Files.readString(DOCUMENT));
    }

    /** The AsyncAPI initiative's own parser (deploy/local/api-lint.sh) finds no error in the document. */
    @Test
    void theAsyncApiParserFindsNoError() throws IOException, InterruptedException {
        Path root = DOCUMENT.getParent().getParent();
        Process parser = new ProcessBuilder("bash", root.resolve("deploy/local/api-lint.sh").toString(), "asyncapi",
                DOCUMENT.toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String report = new String(parser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        parser.waitFor();
        JsonNode diagnostics = JSON.readTree(report).path("diagnostics");

        assertThat(diagnostics.isArray()).as("the parser's report: %s", report).isTrue();
        List<String> errors = new ArrayList<>();
        diagnostics.forEach(d -> {
            if (d.path("severity").asInt() == 0) {
                errors.add(d.path("path").asText() + ": " + d.path("message").asText());
            }
        });
        assertThat(errors).isEmpty();
        assertThat(parser.exitValue()).isZero();
    }

    @Test
    void isAnAsyncApi3DocumentWithOneChannelPerTopicAndDeadLetterTopic() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> topics = Arrays.stream(EventType.values()).map(EventType::channel).collect(Collectors.toSet());
        Set<String> expected = topics.stream().flatMap(t -> Stream.of(t, deadLetterOf(t)))
                .collect(Collectors.toSet());
        assertThat(addresses()).containsExactlyInAnyOrderElementsOf(expected);
        for (String topic : topics) {
            assertThat(messageNames(channel(deadLetterOf(topic)))).containsExactly("DeadLetter");
        }
        doc.path("operations").forEach(op -> assertThat(resolve(op.path("channel")).isMissingNode())
                .as("operation's channel exists: %s", op).isFalse());
    }

    @Test
    void everyEventTypeIsOnItsTopicsChannelWithItsCeTypeAndNothingElseIs() {
        Map<String, Set<String>> expected = new HashMap<>();
        for (EventType type : EventType.values()) {
            expected.computeIfAbsent(type.channel(), t -> new LinkedHashSet<>()).add(type.payloadClass().getSimpleName());
            JsonNode message = messageOn(type);
            assertThat(message.path("name").asText()).isEqualTo(type.payloadClass().getSimpleName());
            assertThat(ceTypeOf(message)).as(type.name()).isEqualTo(type.ceType());
            assertThat(message.at("/bindings/kafka/key/$ref").asText()).isEqualTo("#/components/schemas/TaskId");
        }
        expected.forEach((topic, names) -> assertThat(messageNames(channel(topic)))
                .as(topic).containsExactlyInAnyOrderElementsOf(names));
    }

    @Test
    void theHeadersAreThoseEventCodecWritesAndTheRequiredOnesThoseItNeeds() throws Exception {
        JsonNode headers = doc.at("/components/schemas/CloudEventHeaders");
        List<String> codecHeaders = new ArrayList<>();
        for (Field f : EventCodec.class.getFields()) {
            if (f.getName().startsWith("H_") && Modifier.isStatic(f.getModifiers())) {
                codecHeaders.add((String) f.get(null));
            }
        }
        assertThat(fieldNames(headers.path("properties"))).containsExactlyInAnyOrderElementsOf(codecHeaders);
        assertThat(headers.at("/properties/ce_specversion/const").asText()).isEqualTo(EventCodec.SPEC_VERSION);
        assertThat(headers.at("/properties/content-type/const").asText()).isEqualTo(EventCodec.CONTENT_TYPE);

        // A header is required exactly when EventCodec refuses a record without it.
        EncodedEvent wire = EventCodec.encode(Envelope.of("agriculture", "alice", ContractSamples.AT,
                ContractSamples.of(EventType.PROGRESS_REPORTED)));
        Set<String> neededByCodec = new LinkedHashSet<>();
        for (String header : codecHeaders) {
            Map<String, String> without = new HashMap<>(wire.headers());
            without.remove(header);
            try {
                EventCodec.decode(wire.key(), without, wire.value());
            } catch (MalformedEventException e) {
                neededByCodec.add(header);
            }
        }
        assertThat(texts(headers.path("required"))).containsExactlyInAnyOrderElementsOf(neededByCodec);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void thePayloadSchemaNamesExactlyTheRecordsComponents(EventType type) {
        JsonNode schema = resolve(messageOn(type).path("payload"));
        assertSchemaMatchesRecord(schema, type.payloadClass());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void whatEventCodecWritesValidatesAgainstTheDocument(EventType type) {
        EncodedEvent wire = EventCodec.encode(Envelope.of("supervision", "alice", ContractSamples.AT,
                ContractSamples.of(type)));
        JsonNode message = messageOn(type);
        assertThat(errors(message.path("payload"), readTree(wire.value()))).isEmpty();
        assertThat(errors(message.path("headers"), JSON.valueToTree(wire.headers()))).isEmpty();
        assertThat(errors(message.at("/bindings/kafka/key"), JSON.valueToTree(wire.key()))).isEmpty();

        Map<String, String> otherType = new HashMap<>(wire.headers());
        otherType.put(EventCodec.H_TYPE, "duban.SomethingElse.v1");
        assertThat(errors(message.path("headers"), JSON.valueToTree(otherType))).as("ce_type is pinned").isNotEmpty();
    }

    /**
     * The schema accepts a null field exactly when the contract does: for every reference-typed field of the
     * payload (and of the task inside a task event), a copy with that field null validates if and only if
     * the record reports no violations.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void aNullFieldIsAcceptedByTheSchemaExactlyWhenTheContractAcceptsIt(EventType type) throws Exception {
        JsonNode payloadSchema = messageOn(type).path("payload");
        EventPayload sample = ContractSamples.of(type);
        for (RecordComponent component : sample.getClass().getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                continue;
            }
            List<Object> variants = new ArrayList<>();
            variants.add(withNull(sample, component.getName()));
            Object value = component.getAccessor().invoke(sample);
            if (value instanceof Record nested) {
                for (RecordComponent inner : nested.getClass().getRecordComponents()) {
                    if (!inner.getType().isPrimitive()) {
                        variants.add(with(sample, component.getName(), withNull(nested, inner.getName())));
                    }
                }
            }
            for (Object variant : variants) {
                EventPayload payload = (EventPayload) variant;
                boolean schemaAccepts = errors(payloadSchema, JSON.valueToTree(payload)).isEmpty();
                assertThat(schemaAccepts).as("%s: schema accepts %s, violations %s", type, JSON.valueToTree(payload),
                        payload.violations()).isEqualTo(payload.violations().isEmpty());
            }
        }
    }

    // --- the record side

    /** The schema's properties and required list both equal the record's components; nested records likewise. */
    private static void assertSchemaMatchesRecord(JsonNode schema, Class<?> record) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(fieldNames(schema.path("properties"))).as("%s properties", record.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(texts(schema.path("required"))).as("%s required (EventCodec writes every field)",
                record.getSimpleName()).containsExactlyInAnyOrderElementsOf(components);
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            Class<?> nested = recordType(component.getGenericType());
            if (nested != null) {
                // a list's items, a nullable record's non-null alternative (oneOf), or the record itself
                JsonNode nestedSchema = resolve(property.has("items") ? property.path("items")
                        : property.has("oneOf") ? property.path("oneOf").path(0) : property);
                assertSchemaMatchesRecord(nestedSchema, nested);
            }
        }
    }

    /** The record a component holds, directly or as the element of a list; null for anything else. */
    private static Class<?> recordType(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        return null;
    }

    private static Object withNull(Object record, String name) throws Exception {
        return with(record, name, null);
    }

    /** A copy of {@code record} with one component replaced, through its canonical constructor. */
    private static Object with(Object record, String name, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(record);
        }
        return record.getClass().getDeclaredConstructor(types).newInstance(args);
    }

    // --- the document side

    private static JsonNode channel(String address) {
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("no channel with address " + address);
    }

    private static List<String> addresses() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        return addresses;
    }

    /** The dead-letter topic of a channel; the six progress topics share one. */
    private static String deadLetterOf(String channel) {
        return channel.equals(Topics.PROGRESS_CHANNEL) ? Topics.PROGRESS_DEAD_LETTERS : Topics.deadLetter(channel);
    }

    @Test
    void theProgressChannelsSectorParameterNamesEverySector() {
        List<String> sectors = new ArrayList<>();
        channel(Topics.PROGRESS_CHANNEL).at("/parameters/sector/enum").forEach(s -> sectors.add(s.asText()));
        assertThat(sectors).containsExactlyElementsOf(Arrays.stream(Sector.values()).map(Sector::id).toList());
    }

    private static List<String> messageNames(JsonNode channel) {
        List<String> names = new ArrayList<>();
        channel.path("messages").forEach(m -> names.add(resolve(m).path("name").asText()));
        return names;
    }

    private static JsonNode messageOn(EventType type) {
        for (JsonNode m : channel(type.channel()).path("messages")) {
            JsonNode message = resolve(m);
            if (message.path("name").asText().equals(type.payloadClass().getSimpleName())) {
                return message;
            }
        }
        throw new AssertionError("no message " + type.payloadClass().getSimpleName() + " on " + type.channel());
    }

    /** The {@code ce_type} a message pins, from its headers' allOf. */
    private static String ceTypeOf(JsonNode message) {
        for (JsonNode part : message.path("headers").path("allOf")) {
            JsonNode ceType = resolve(part).at("/properties/ce_type/const");
            if (!ceType.isMissingNode()) {
                return ceType.asText();
            }
        }
        return null;
    }

    /** Follows a local {@code $ref}, if the node is one. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : resolve(doc.at(ref.substring(1)));
    }

    /** Validates {@code value} against a schema of the document (JSON Schema draft 7, as AsyncAPI schemas are). */
    private static Set<ValidationMessage> errors(JsonNode schemaNode, JsonNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.set("components", doc.path("components"));
        root.set("allOf", JSON.createArrayNode().add(schemaNode));
        JsonSchema schema = SCHEMAS.getSchema(root);
        return schema.validate(value);
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
