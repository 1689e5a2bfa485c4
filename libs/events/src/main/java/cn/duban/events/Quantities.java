package cn.duban.events;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The bounds of every number Duban accepts as a quantity — a reported figure, an investment, a target's value — on
 * every path: the department API, the ledger import (JSON, .xlsx, .xls, CSV) and the events each side reads. At most
 * {@value #INTEGER_DIGITS} digits before the decimal point and {@value #DECIMALS} after it (trailing zeros do not
 * count), which holds any county's figures in their own units (亩, 万元, 人 …) and every value {@code numeric(19, 4)}
 * and a JSON reader can hold exactly. A number outside them (e.g. {@code 1e1000}) is refused before anything is
 * stored, so what was accepted can always be read back and compared. Whether a quantity may be negative or zero is
 * each field's own rule.
 *
 * <p>Plain Java with no dependency: the words of each {@link Problem} are here in both of Duban's languages, for the
 * API's and the import's errors and for the dead-letter reason of an event.
 */
public final class Quantities {
    public static final int INTEGER_DIGITS = 15;
    public static final int DECIMALS = 4;
    /** The largest quantity, as text for annotations (OpenAPI's {@code maximum}). */
    public static final String MAX_TEXT = "999999999999999.9999";
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    /** Longer text cannot hold a bounded number (digits, a sign, a point, an exponent, grouping): it is not parsed. */
    static final int LONGEST_TEXT = 64;

    private Quantities() {
    }

    /** Why a number is not a Duban quantity, in Chinese and English. */
    public enum Problem {
        NOT_A_NUMBER("不是数字", "is not a number"),
        TOO_LARGE("超出范围：整数部分最多 " + INTEGER_DIGITS + " 位（最大 " + MAX_TEXT + "）",
                "is out of range: at most " + INTEGER_DIGITS + " digits before the decimal point (at most " + MAX_TEXT
                        + ")"),
        TOO_PRECISE("小数最多 " + DECIMALS + " 位", "has more than " + DECIMALS + " decimal places");

        private final String zh;
        private final String en;

        Problem(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /**
     * What is wrong with {@code value} as a quantity; empty for a good one or none at all. Cheap for any value a
     * reader can build (the check never expands a number's exponent, so {@code 1E+999999999} costs nothing).
     */
    public static Optional<Problem> problem(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal v = value.stripTrailingZeros();
        long integerDigits = (long) v.precision() - v.scale(); // ≤ 0 for 0.001
        if (integerDigits > INTEGER_DIGITS) {
            return Optional.of(Problem.TOO_LARGE);
        }
        if (v.scale() > DECIMALS) {
            return Optional.of(Problem.TOO_PRECISE);
        }
        return Optional.empty();
    }

    public static boolean isValid(BigDecimal value) {
        return problem(value).isEmpty();
    }

    /**
     * Reads a quantity written as text (a spreadsheet cell, a CSV field): digits with an optional sign, decimal point
     * and exponent, as {@link BigDecimal} reads them; {@code 60000}, {@code 60000.0} and {@code 6E+4} are one value,
     * returned with no trailing zeros and no negative scale (so a re-read sheet hashes like the file it came from).
     */
    public static Reading read(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > LONGEST_TEXT) {
            return new Reading(null, t.isEmpty() ? Problem.NOT_A_NUMBER : Problem.TOO_LARGE);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            return new Reading(null, Problem.NOT_A_NUMBER);
        }
        Optional<Problem> problem = problem(value);
        if (problem.isPresent()) {
            return new Reading(null, problem.get()); // never scaled: 1E+999999999 would take the whole heap
        }
        BigDecimal plain = value.stripTrailingZeros();
        return new Reading(plain.scale() < 0 ? plain.setScale(0) : plain, null);
    }

    /** A number read from text: the value, or why there is none. */
    public record Reading(BigDecimal value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }
}
