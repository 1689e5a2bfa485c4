package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.task.TaskUpdated;
import cn.duban.platform.messaging.Outbox;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * The office changed a task the sector services hold (an approved extension, a replaced assignment field): the task is
 * stamped updated and its snapshot goes to them as TaskUpdated, through the outbox in the caller's transaction. The
 * task's contentHash stays the ledger's, so re-importing the same ledger keeps the office's change.
 */
@ApplicationScoped
public class TaskUpdates {
    @Inject
    Outbox outbox;

    @Inject
    SupervisionAccess access;

    /** {@code task} changed by the caller at {@code at}, for the reason the sector services are told. */
    public void changedByCaller(Task task, OffsetDateTime at, String why) {
        task.updatedAt = at;
        outbox.publish(Envelope.of(LedgerImport.SERVICE, access.actor(), at, new TaskUpdated(task.toSnapshot(), why)));
    }
}
