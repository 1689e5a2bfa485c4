package cn.duban.supervision.draft;

/**
 * One drafted field: its value, whether it is still only proposed (not yet accepted or edited by the office) and the
 * words it came from.
 */
public record Proposed<T>(T value, boolean proposed, Provenance provenance) {

    public static <T> Proposed<T> of(T value, Provenance provenance) {
        return new Proposed<>(value, true, provenance);
    }

    public Proposed<T> confirmed() {
        return new Proposed<>(value, false, provenance == null ? Provenance.confirmedByOffice() : provenance.confirmed());
    }

    /** The office set this value itself. */
    public static <T> Proposed<T> edited(T value) {
        return new Proposed<>(value, false, Provenance.confirmedByOffice());
    }
}
