package cn.duban.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one payload, so each payload states its rules in a few readable lines. */
public final class Checks {
    private final String type;
    private final List<String> violations = new ArrayList<>();

    private Checks(String type) {
        this.type = type;
    }

    public static Checks of(EventPayload payload) {
        return new Checks(payload.getClass().getSimpleName());
    }

    public Checks required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(type + "." + field + " is required");
        }
        return this;
    }

    public Checks notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            violations.add(type + "." + field + " must not be negative");
        }
        return this;
    }

    /** Within {@link Quantities}' bounds (magnitude and decimals); the sign is each field's own rule. */
    public Checks quantity(String field, BigDecimal value) {
        Quantities.problem(value).ifPresent(p -> violations.add(type + "." + field + " " + p.en()));
        return this;
    }

    public Checks that(boolean condition, String violation) {
        if (!condition) {
            violations.add(type + ": " + violation);
        }
        return this;
    }

    public List<String> result() {
        return List.copyOf(violations);
    }
}
