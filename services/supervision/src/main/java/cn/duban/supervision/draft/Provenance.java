package cn.duban.supervision.draft;

/**
 * Where a drafted field came from (DESIGN.md "provenance"): the report's own words ({@code REPORT}, with the quote and
 * its offsets in the draft's report text), a rule's assumption where the report says nothing ({@code ASSUMED}, with
 * the rule), or the office's decision in review ({@code CONFIRMED}).
 */
public record Provenance(Source source, String quote, Integer start, Integer end, String rule) {

    public enum Source {
        REPORT, ASSUMED, CONFIRMED
    }

    public static Provenance report(String text, int start, int end, String rule) {
        return new Provenance(Source.REPORT, text.substring(start, end), start, end, rule);
    }

    public static Provenance assumed(String rule) {
        return new Provenance(Source.ASSUMED, null, null, null, rule);
    }

    /** An assumption that still points at the words that led to it (e.g. the word a lead-unit rule matched). */
    public static Provenance assumed(String text, int start, int end, String rule) {
        return new Provenance(Source.ASSUMED, text.substring(start, end), start, end, rule);
    }

    /** The office decided: the words stay for reference, the source says who answers for it now. */
    public Provenance confirmed() {
        return new Provenance(Source.CONFIRMED, quote, start, end, rule);
    }

    public static Provenance confirmedByOffice() {
        return new Provenance(Source.CONFIRMED, null, null, null, null);
    }
}
