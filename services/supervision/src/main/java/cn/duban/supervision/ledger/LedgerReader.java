package cn.duban.supervision.ledger;

import cn.duban.events.EventCodec;
import cn.duban.events.Quantities;
import cn.duban.text.Languages;
import cn.duban.text.Text;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.i18n.DefaultMessageSource;
import com.networknt.schema.i18n.MessageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads ledger and unit files and checks them against their JSON Schemas before anything is imported,
 * so a malformed file is refused whole with every problem named.
 */
public final class LedgerReader {
    // format "date" is only an annotation in 2020-12 unless asserted; 2022-02-30 must not reach the importer.
    // LEGACY keeps the $.tasks[3].deadline locations the JSON import has always answered with.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.LEGACY).build();
    private static final JsonSchema LEDGER_SCHEMA = schema("ledger/ledger.schema.json");
    private static final JsonSchema UNITS_SCHEMA = schema("ledger/units.schema.json");
    private static final MessageSource MESSAGES = DefaultMessageSource.getInstance();
    /**
     * Chinese of our own for the schema messages an office meets most (ledger/schema-messages.zh.json); the validator's
     * bundle has the rest (and the English), in a machine translation that reads awkwardly ({0} is the location, left
     * out; {1}… the arguments).
     */
    private static final Map<String, String> CHINESE = Map.copyOf(EventCodec.json().convertValue(
            resource("ledger/schema-messages.zh.json"), new TypeReference<Map<String, String>>() { }));

    private LedgerReader() {
    }

    public static LedgerFile ledger(JsonNode json) {
        List<LedgerException.RowError> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new LedgerException(problems);
        }
        return EventCodec.json().convertValue(json, LedgerFile.class);
    }

    /**
     * Every way {@code json} breaks the ledger's rules, each with its place; empty if it may be imported.
     * The schema first; then what the schema cannot say and the rule engine needs (no deadline before the
     * planned start, milestone names unique within a task).
     */
    public static List<LedgerException.RowError> problems(JsonNode json) {
        List<LedgerException.RowError> problems = validate(LEDGER_SCHEMA, json);
        if (problems.isEmpty()) {
            LocalDate start = LocalDate.parse(json.get("plannedStart").asText());
            JsonNode tasks = json.get("tasks");
            for (int i = 0; i < tasks.size(); i++) {
                JsonNode task = tasks.get(i);
                if (LocalDate.parse(task.get("deadline").asText()).isBefore(start)) {
                    problems.add(new LedgerException.RowError("$.tasks[" + i + "].deadline",
                            Text.of("早于台账的计划开始日期 %s", "is before the ledger's planned start %s", start),
                            new LedgerException.Place(i, "deadline", "")));
                }
                JsonNode targets = task.get("targets");
                for (int t = 0; t < targets.size(); t++) {
                    Optional<Quantities.Problem> bad = Quantities.problem(targets.get(t).get("value").decimalValue());
                    if (bad.isPresent()) {
                        problems.add(new LedgerException.RowError("$.tasks[" + i + "].targets[" + t + "].value",
                                words(bad.get()), new LedgerException.Place(i, "targets", "[" + t + "].value")));
                    }
                }
                JsonNode plan = task.get("plan");
                if (plan != null && !LocalDate.parse(task.get("deadline").asText()).isBefore(start)) {
                    List<MonthlyPlan.Month> months = new ArrayList<>();
                    plan.forEach(m -> months.add(new MonthlyPlan.Month(YearMonth.parse(m.get("month").asText()),
                            m.get("percent").asInt())));
                    for (MonthlyPlan.Problem p : MonthlyPlan.problems(months, start,
                            LocalDate.parse(task.get("deadline").asText()))) {
                        problems.add(new LedgerException.RowError("$.tasks[" + i + "].plan[" + p.index() + "]." + p.field(),
                                p.message(), new LedgerException.Place(i, "plan", "[" + p.index() + "]." + p.field())));
                    }
                }
                Set<String> names = new HashSet<>();
                JsonNode milestones = task.get("milestones");
                for (int m = 0; m < milestones.size(); m++) {
                    String name = milestones.get(m).get("name").asText();
                    if (!names.add(name)) {
                        problems.add(new LedgerException.RowError("$.tasks[" + i + "].milestones[" + m + "].name",
                                Text.of("时间节点「%s」在本任务中出现了两次", "milestone '%s' appears twice in this task", name),
                                new LedgerException.Place(i, "milestones", "[" + m + "].name")));
                    }
                }
            }
        }
        return problems;
    }

    /** The words of a quantity's problem, for the import's errors. */
    public static Text words(Quantities.Problem problem) {
        return new Text(problem.zh(), problem.en());
    }

    /** Numbers too large for a double (read as infinity), anywhere in the document. */
    private static void findNonFinite(JsonNode node, String path, List<LedgerException.RowError> found) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            found.add(new LedgerException.RowError(path, words(Quantities.Problem.TOO_LARGE)));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> findNonFinite(f.getValue(), path + "." + f.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNonFinite(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    public static UnitDirectory units(JsonNode json) {
        List<LedgerException.RowError> problems = validate(UNITS_SCHEMA, json);
        if (!problems.isEmpty()) {
            throw new LedgerException(problems);
        }
        return EventCodec.json().convertValue(json, UnitDirectory.class);
    }

    public static JsonNode resource(String name) {
        try (InputStream in = stream(name)) {
            return EventCodec.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static List<LedgerException.RowError> validate(JsonSchema schema, JsonNode json) {
        List<LedgerException.RowError> outOfRange = new ArrayList<>();
        findNonFinite(json, "$", outOfRange);
        if (!outOfRange.isEmpty()) {
            return outOfRange; // e.g. 1e999, read as infinity: the schema validator cannot even compare it
        }
        Set<ValidationMessage> messages = schema.validate(json);
        return new ArrayList<>(messages.stream()
                .sorted(Comparator.comparing(ValidationMessage::getInstanceLocation, Comparator.comparing(Object::toString)))
                .map(m -> new LedgerException.RowError(m.getInstanceLocation().toString(), words(m), place(m)))
                .toList());
    }

    /**
     * A schema problem in Chinese and in English: the validator's own localized messages (json-schema-validator's
     * bundles), with Duban's Chinese for the messages an office meets most.
     */
    static Text words(ValidationMessage m) {
        return new Text(words(m, Languages.CHINESE), words(m, Locale.ENGLISH));
    }

    private static String words(ValidationMessage m, Locale locale) {
        Object[] arguments = m.getArguments() == null ? new Object[0] : m.getArguments();
        Object[] withLocation = new Object[arguments.length + 1];
        withLocation[0] = "";
        System.arraycopy(arguments, 0, withLocation, 1, arguments.length);
        String own = Languages.isEnglish(locale) ? null : CHINESE.get(m.getMessageKey());
        String text = own != null ? new MessageFormat(own, locale).format(withLocation)
                : MESSAGES.getMessage(m.getMessageKey(), m::getError, locale, withLocation);
        return text.startsWith(": ") ? text.substring(2) : text;
    }

    /** $.tasks[3].targets[1].unit → task 3, field targets, within [1].unit; null outside the tasks. */
    private static LedgerException.Place place(ValidationMessage m) {
        JsonNodePath path = m.getInstanceLocation();
        if (path.getNameCount() < 2 || !"tasks".equals(path.getElement(0))
                || !(path.getElement(1) instanceof Integer task)) {
            return path.getNameCount() == 0 ? null : new LedgerException.Place(null, path.getName(0), "");
        }
        if (path.getNameCount() == 2) {
            // the task object itself, e.g. a required property missing
            return new LedgerException.Place(task, m.getProperty(), "");
        }
        StringBuilder within = new StringBuilder();
        for (int i = 3; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            within.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        return new LedgerException.Place(task, path.getName(2), within.toString());
    }

    private static JsonSchema schema(String name) {
        try (InputStream in = stream(name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
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

        /**
         * One problem: {@code row} names it for the caller (a JSON location, a task id or a spreadsheet row),
         * {@code place} says where it is in the ledger, so another reader (a spreadsheet) can name it its way.
         */
        public record RowError(Text row, Text message, Place place) {
            /** A problem at a JSON location or task id, which reads the same in both languages. */
            public RowError(String row, Text message, Place place) {
                this(new Text(row, row), message, place);
            }

            public RowError(String row, Text message) {
                this(row, message, null);
            }
        }

        /**
         * Where in the ledger: the task's index in the file (null for the ledger itself), its property, and the
         * rest of the path inside that property, e.g. {@code [1].unit} for the second target's unit.
         */
        public record Place(Integer task, String field, String within) {
        }
    }
}
