package cn.duban.events.task;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * 销号: the office verified a task's completion (outcome COMPLETED or COMPLETED_LATE) or withdrew it. {@code task} is
 * the task as it stands when closed: duban.tasks.v1 is compacted by task id, so a closed task's last record is this
 * one and must carry the whole task for a sector service that rebuilds from the topic. Events written before it was
 * added have none ({@code null}).
 */
public record TaskClosed(String taskId, String outcome, LocalDate closedOn, TaskSnapshot task) implements EventPayload {

    @Override
    public List<String> violations() {
        Checks checks = Checks.of(this).required("taskId", taskId).required("outcome", outcome)
                .required("closedOn", closedOn);
        if (task != null) {
            TaskChecks.check(checks, task).that(java.util.Objects.equals(task.id(), taskId), "task.id differs from taskId");
        }
        return checks.result();
    }
}
