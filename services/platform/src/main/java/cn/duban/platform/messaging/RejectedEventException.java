package cn.duban.platform.messaging;

/** An event this consumer will never accept; it goes to the topic's dead-letter queue with this reason. */
public class RejectedEventException extends RuntimeException {
    public RejectedEventException(String reason) {
        super(reason);
    }

    public RejectedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
