package cn.duban.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka topics of Duban. Every record is keyed by task id so that one task's events stay in order. Progress
 * has one topic per sector, so that the broker's ACLs let each sector service write its own sector's progress and
 * no other (docs/events.md, "Who may write what").
 */
public final class Topics {
    public static final String TASKS = "duban.tasks.v1";
    public static final String ALERTS = "duban.alerts.v1";
    /** Where supervision parks progress from any sector that it cannot read or accept. */
    public static final String PROGRESS_DEAD_LETTERS = "duban.progress.v1.dlq";

    /** The progress topics as one AsyncAPI channel with a parameter. */
    public static final String PROGRESS_CHANNEL = "duban.progress.{sector}.v1";

    private static final String PROGRESS_PREFIX = "duban.progress.";
    private static final String PROGRESS_SUFFIX = ".v1";

    private Topics() {
    }

    /** The topic a sector's service writes its units' progress to, e.g. {@code duban.progress.culture-tourism.v1}. */
    public static String progress(Sector sector) {
        return PROGRESS_PREFIX + sector.id() + PROGRESS_SUFFIX;
    }

    /** The six progress topics, in the report's order of sectors. */
    public static List<String> progressTopics() {
        return Arrays.stream(Sector.values()).map(Topics::progress).toList();
    }

    /** The sector whose progress topic {@code topic} is; empty for any other topic. */
    public static Optional<Sector> sectorOfProgress(String topic) {
        return Arrays.stream(Sector.values()).filter(s -> progress(s).equals(topic)).findFirst();
    }

    /** Where consumers of {@code topic} park events they cannot read or accept. */
    public static String deadLetter(String topic) {
        return sectorOfProgress(topic).isPresent() ? PROGRESS_DEAD_LETTERS : topic + ".dlq";
    }
}
