package cn.duban.events.task;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.util.List;

/** 销号: the office verified a task's completion (outcome COMPLETED or COMPLETED_LATE) or withdrew it. */
public record TaskClosed(String taskId, String outcome, LocalDate closedOn) implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("taskId", taskId).required("outcome", outcome)
                .required("closedOn", closedOn).result();
    }
}
