package cn.duban.platform.rest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request Duban refuses for a reason the caller can act on. Thrown by services; the mapper turns it into
 * a problem+json response with this status, kind and detail.
 */
public class DubanException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    protected DubanException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of());
    }

    protected DubanException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400 naming each bad field. */
    public static DubanException invalidFields(List<Problem.FieldError> errors) {
        return new DubanException(400, "invalid-request", "Invalid request", summary(errors), errors);
    }

    /** 409: the request contradicts what is stored (e.g. a cumulative figure going down), naming each field. */
    public static DubanException conflictingFields(String kind, List<Problem.FieldError> errors) {
        return new DubanException(409, kind, "Conflict", summary(errors), errors);
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    /** Any other refusal, with its own problem kind (e.g. wrong-sector). */
    public static DubanException refused(int status, String kind, String title, String detail) {
        return new DubanException(status, kind, title, detail);
    }

    public static DubanException notFound(String detail) {
        return new DubanException(404, "not-found", "Not found", detail);
    }

    public static DubanException invalid(String detail) {
        return new DubanException(400, "invalid-request", "Invalid request", detail);
    }

    public static DubanException conflict(String detail) {
        return new DubanException(409, "conflict", "Conflict", detail);
    }

    public static DubanException forbidden(String detail) {
        return new DubanException(403, "forbidden", "Forbidden", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, kind, title, getMessage()).withErrors(errors);
    }
}
