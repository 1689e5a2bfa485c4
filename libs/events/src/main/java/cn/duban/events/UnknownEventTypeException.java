package cn.duban.events;

/**
 * A well-formed CloudEvent of a type this build does not know (a newer producer). Consumers skip it
 * rather than dead-letter it, so producers can add types before consumers learn them.
 */
public class UnknownEventTypeException extends MalformedEventException {
    public UnknownEventTypeException(String ceType) {
        super("unknown event type '" + ceType + "'");
    }
}
