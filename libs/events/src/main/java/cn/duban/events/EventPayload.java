package cn.duban.events;

import java.util.List;

/**
 * The data of one Duban event. Every event concerns one task, whose id is the Kafka key (but BulletinIssued, which
 * concerns the whole ledger and is keyed by its period).
 */
public interface EventPayload {

    String taskId();

    /** What makes this payload unacceptable, in words a developer reading the DLQ understands; empty when valid. */
    default List<String> violations() {
        return Checks.of(this).required("taskId", taskId()).result();
    }
}
