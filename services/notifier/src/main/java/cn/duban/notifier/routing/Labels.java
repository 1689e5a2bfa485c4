package cn.duban.notifier.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What routes, silences and groups match on: a notice's labels. {@code unit} is the only label with several values
 * (the lead unit first, then the co-units): {@code =} and {@code =~} match when any value matches, {@code !=} and
 * {@code !~} when none does, and grouping by it uses the lead unit. A label a notice lacks has the value "".
 */
public final class Labels {
    public static final String SECTOR = "sector";
    public static final String UNIT = "unit";
    public static final String LIGHT = "light";
    public static final String RULE = "rule";
    public static final String LEVEL = "level";
    public static final String EVENT = "event";
    public static final String TASK_ID = "taskId";
    public static final String ALERT_ID = "alertId";
    public static final String LEADER = "leader";
    public static final String KIND = "kind";
    /** The label names routes and silences may use; a typo such as "ligth" is refused, not silently never matched. */
    public static final Set<String> NAMES = Set.of(SECTOR, UNIT, LIGHT, RULE, LEVEL, EVENT, TASK_ID, ALERT_ID, LEADER,
            KIND);
    /** {@code groupBy: ["..."]}: group by every label, so each notice is its own group (Alertmanager's spelling). */
    public static final String ALL = "...";

    private final Map<String, List<String>> values;

    private Labels(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every value of a label; one empty string when the notice lacks it. */
    public List<String> values(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? List.of("") : v;
    }

    /** The first value (for unit: the lead unit). */
    public String value(String name) {
        return values(name).get(0);
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        public Builder put(String name, Object value) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("not a notice label: " + name);
            }
            if (value != null) {
                values.put(name, List.of(String.valueOf(value)));
            }
            return this;
        }

        public Builder putAll(String name, List<String> many) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("not a notice label: " + name);
            }
            List<String> kept = new ArrayList<>();
            many.stream().filter(Objects::nonNull).forEach(kept::add);
            values.put(name, List.copyOf(kept));
            return this;
        }

        public Labels build() {
            return new Labels(Map.copyOf(values));
        }
    }
}
