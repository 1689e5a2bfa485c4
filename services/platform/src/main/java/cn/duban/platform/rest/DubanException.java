package cn.duban.platform.rest;

/**
 * A request Duban refuses for a reason the caller can act on. Thrown by services; the mapper turns it into
 * a problem+json response with this status, kind and detail.
 */
public class DubanException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;

    protected DubanException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
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
        return Problem.of(status, kind, title, getMessage());
    }
}
