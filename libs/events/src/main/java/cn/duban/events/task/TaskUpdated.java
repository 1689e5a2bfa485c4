package cn.duban.events.task;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.util.List;

/** A task changed after assignment: ledger re-import, approved extension, reassignment. Carries the whole new task. */
public record TaskUpdated(TaskSnapshot task, String reason) implements EventPayload {

    @Override
    public String taskId() {
        return task == null ? null : task.id();
    }

    @Override
    public List<String> violations() {
        return TaskChecks.check(Checks.of(this), task).required("reason", reason).result();
    }
}
