package cn.duban.platform.rest;

import cn.duban.text.Text;
import java.util.List;
import java.util.Locale;

/**
 * A request Duban refuses for a reason the caller can act on. Thrown by services; the mapper turns it into
 * a problem+json response with this status and kind, its words in the caller's language ({@link Text}).
 */
public class DubanException extends RuntimeException {
    static final Text INVALID = Text.of("请求有误", "Invalid request");
    static final Text CONFLICT = Text.of("与已有记录冲突", "Conflict");
    static final Text NOT_FOUND = Text.of("未找到", "Not found");
    static final Text FORBIDDEN = Text.of("无权进行此操作", "Forbidden");

    private final int status;
    private final String kind;
    private final Text title;
    private final Text detail;
    private final List<BadField> errors;

    protected DubanException(int status, String kind, Text title, Text detail, List<BadField> errors) {
        super(detail.en());
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** 400 naming each bad field. */
    public static DubanException invalidFields(List<BadField> errors) {
        return new DubanException(400, "invalid-request", INVALID, summary(errors), errors);
    }

    /** 400 for one bad field. */
    public static DubanException invalidField(String field, String zh, String en, Object... args) {
        return invalidFields(List.of(BadField.of(field, zh, en, args)));
    }

    /** 409: the request contradicts what is stored (e.g. a cumulative figure going down), naming each field. */
    public static DubanException conflictingFields(String kind, List<BadField> errors) {
        return new DubanException(409, kind, CONFLICT, summary(errors), errors);
    }

    /** "field: why; field: why" in each language. */
    public static Text summary(List<BadField> errors) {
        return Text.join(errors.stream().map(e -> Text.of("%s:%s", "%s: %s", e.field(), e.message())).toList());
    }

    /** Any other refusal, with its own problem kind (e.g. wrong-sector). */
    public static DubanException refused(int status, String kind, Text title, Text detail) {
        return new DubanException(status, kind, title, detail, List.of());
    }

    public static DubanException notFound(String zh, String en, Object... args) {
        return new DubanException(404, "not-found", NOT_FOUND, Text.of(zh, en, args), List.of());
    }

    public static DubanException invalid(String zh, String en, Object... args) {
        return new DubanException(400, "invalid-request", INVALID, Text.of(zh, en, args), List.of());
    }

    public static DubanException conflict(String zh, String en, Object... args) {
        return new DubanException(409, "conflict", CONFLICT, Text.of(zh, en, args), List.of());
    }

    public static DubanException forbidden(Text detail) {
        return new DubanException(403, "forbidden", FORBIDDEN, detail, List.of());
    }

    public static DubanException forbidden(String zh, String en, Object... args) {
        return forbidden(Text.of(zh, en, args));
    }

    public int status() {
        return status;
    }

    public Text detail() {
        return detail;
    }

    public List<BadField> errors() {
        return errors;
    }

    public Problem toProblem(Locale language) {
        return Problem.of(status, kind, title.in(language), detail.in(language)).withErrors(errors.stream()
                .map(e -> new Problem.FieldError(e.field(), e.message().in(language))).toList());
    }
}
