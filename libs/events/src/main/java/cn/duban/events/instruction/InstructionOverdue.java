package cn.duban.events.instruction;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The instruction's due date passed without an answer; the leader who wrote it ({@code leader}) is told. */
public record InstructionOverdue(String instructionId, String taskId, List<String> assignees, LocalDate dueOn,
        String leader, OffsetDateTime overdueAt) implements EventPayload {

    public InstructionOverdue {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("instructionId", instructionId).required("taskId", taskId)
                .required("dueOn", dueOn).required("overdueAt", overdueAt).result();
    }
}
