package cn.duban.supervision.service;

import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.repository.Task;
import jakarta.persistence.LockModeType;

/** A task of the ledger that a use case names by id: there, or a 404 that names it. */
public final class Tasks {
    private Tasks() {
    }

    public static Task existing(String taskId) {
        return found(Task.findById(taskId), taskId);
    }

    /** Locked as {@code lock} until the transaction ends (a change that must not race another). */
    public static Task existing(String taskId, LockModeType lock) {
        return found(Task.findById(taskId, lock), taskId);
    }

    private static Task found(Task task, String taskId) {
        if (task == null) {
            throw DubanException.notFound("台账中没有任务 %s", "no task %s in the ledger", taskId);
        }
        return task;
    }
}
