package cn.duban.events;

/** The Kafka topics of Duban. Every record is keyed by task id so that one task's events stay in order. */
public final class Topics {
    public static final String TASKS = "duban.tasks.v1";
    public static final String PROGRESS = "duban.progress.v1";
    public static final String ALERTS = "duban.alerts.v1";

    private Topics() {
    }

    /** Where consumers of {@code topic} park events they cannot read or accept. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
