package cn.duban.supervision.ledger;

import cn.duban.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads ledger and unit files and checks them against their JSON Schemas before anything is imported,
 * so a malformed file is refused whole with every problem named.
 */
public final class LedgerReader {
    private static final JsonSchema LEDGER_SCHEMA = schema("ledger/ledger.schema.json");
    private static final JsonSchema UNITS_SCHEMA = schema("ledger/units.schema.json");

    private LedgerReader() {
    }

    public static LedgerFile ledger(JsonNode json) {
        check(LEDGER_SCHEMA, json);
        return EventCodec.json().convertValue(json, LedgerFile.class);
    }

    public static UnitDirectory units(JsonNode json) {
        check(UNITS_SCHEMA, json);
        return EventCodec.json().convertValue(json, UnitDirectory.class);
    }

    public static JsonNode resource(String name) {
        try (InputStream in = stream(name)) {
            return EventCodec.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static void check(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> messages = schema.validate(json);
        if (!messages.isEmpty()) {
            throw new LedgerException(messages.stream()
                    .sorted(Comparator.comparing(ValidationMessage::getInstanceLocation, Comparator.comparing(Object::toString)))
                    .map(m -> new LedgerException.RowError(m.getInstanceLocation().toString(), m.getMessage()))
                    .toList());
        }
    }

    private static JsonSchema schema(String name) {
        try (InputStream in = stream(name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + name, e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + name);
        }
        return in;
    }

    /** Every problem of a refused ledger, each with the row (task) or JSON location it concerns. */
    public static class LedgerException extends RuntimeException {
        private final List<RowError> errors;

        public LedgerException(List<RowError> errors) {
            super(errors.size() + " problem(s) in the ledger; nothing was imported");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }

        public record RowError(String row, String message) {
        }
    }
}
