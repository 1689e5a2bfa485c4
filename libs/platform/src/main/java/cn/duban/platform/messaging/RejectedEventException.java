package cn.duban.platform.messaging;

/** An event this consumer will never accept; it goes to the topic's dead-letter queue with this reason. */
public class RejectedEventException extends RuntimeException {
    /** The metric's reason label: rejected (by the effect), malformed (unreadable) or failing (kept failing). */
    private String kind = "rejected";

    public RejectedEventException(String reason) {
        super(reason);
    }

    public RejectedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    String kind() {
        return kind;
    }

    RejectedEventException kind(String kind) {
        this.kind = kind;
        return this;
    }
}
