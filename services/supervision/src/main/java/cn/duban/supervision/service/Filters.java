package cn.duban.supervision.service;

import cn.duban.platform.rest.DubanException;
import java.util.Arrays;
import java.util.Locale;

/** A listing's filter values, read from query parameters: an unknown value is a 400 naming the allowed ones. */
final class Filters {
    private Filters() {
    }

    /** {@code value} as one of {@code type}'s constants (case-insensitive), or {@code null} when not given. */
    static <E extends Enum<E>> E oneOf(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DubanException.invalidField(parameter, "应为 %s 之一", "must be one of %s",
                    Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The constant's name as it is stored (a column of the listing's table), or {@code null} when not given. */
    static <E extends Enum<E>> String nameOf(String parameter, String value, Class<E> type) {
        E constant = oneOf(parameter, value, type);
        return constant == null ? null : constant.name();
    }
}
