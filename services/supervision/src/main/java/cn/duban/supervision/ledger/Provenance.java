package cn.duban.supervision.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each assignment field of a task comes from (docs/ledger.md, "What the report names"): quoted from the report
 * (REPORT, with the words quoted), ASSUMED by whoever made the ledger, or CONFIRMED by the office since.
 *
 * <p>The 2022 report names no lead unit, co-unit or responsible leader anywhere, no planned start and no reporting
 * cycle, so those are ASSUMED until the office confirms them. A deadline is REPORT only when the task's own text
 * carries date words that give it (6月底前 → 06-30, 年底前/年内/今年/当年 → 12-31); the quote is those words.
 */
public final class Provenance {

    public enum Source {
        REPORT, ASSUMED, CONFIRMED
    }

    /** One field's origin; {@code quote} is the report's words for REPORT, {@code null} otherwise. */
    public record Field(Source source, String quote) {
        static final Field ASSUMED = new Field(Source.ASSUMED, null);
        static final Field CONFIRMED = new Field(Source.CONFIRMED, null);
    }

    /** The fields whose origin is kept, by their names in the task view. */
    public static final List<String> FIELDS = List.of("leadUnit", "coUnits", "leader", "deadline", "plannedStart",
            "reportingCycle");

    // 5月底, 6月底前, 10月底前: the month's last day; the year's words: its last day (docs/ledger.md's table)
    private static final Pattern DATE_WORDS = Pattern.compile("(\\d{1,2})月(?:底|末)前?|年底前|年底|年内|今年|当年");

    private Provenance() {
    }

    /**
     * Each field's origin: what the task's text says, then the office's confirmations on top.
     *
     * @param deadline  the ledger's deadline as written (before any extension)
     * @param confirmed the fields the office confirmed or replaced
     */
    public static Map<String, Field> of(String text, int year, LocalDate deadline, List<String> confirmed) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            fields.put(field, confirmed.contains(field) ? Field.CONFIRMED : Field.ASSUMED);
        }
        if (!confirmed.contains("deadline")) {
            String words = deadlineWords(text, year, deadline);
            if (words != null) {
                fields.put("deadline", new Field(Source.REPORT, words));
            }
        }
        return fields;
    }

    /** The first date words in {@code text} that give {@code deadline}; {@code null} if none do. */
    public static String deadlineWords(String text, int year, LocalDate deadline) {
        if (text == null || deadline == null) {
            return null;
        }
        Matcher m = DATE_WORDS.matcher(text);
        while (m.find()) {
            LocalDate date;
            if (m.group(1) != null) {
                int month = Integer.parseInt(m.group(1));
                if (month < 1 || month > 12) {
                    continue;
                }
                date = YearMonth.of(year, month).atEndOfMonth();
            } else {
                date = LocalDate.of(year, 12, 31);
            }
            if (date.equals(deadline)) {
                return m.group();
            }
        }
        return null;
    }
}
