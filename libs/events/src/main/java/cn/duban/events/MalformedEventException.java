package cn.duban.events;

/** An event that cannot be read or accepted; it belongs in the dead-letter topic with this message as reason. */
public class MalformedEventException extends Exception {
    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
