package cn.duban.events.task;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.util.List;

/** 交办: the office assigned a task to its lead unit and co-units. */
public record TaskAssigned(TaskSnapshot task) implements EventPayload {

    @Override
    public String taskId() {
        return task == null ? null : task.id();
    }

    @Override
    public List<String> violations() {
        return TaskChecks.check(Checks.of(this), task).result();
    }
}
