package cn.duban.events.instruction;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 领导批示: a county leader wrote an instruction on a task; {@code assignees} must act on it by {@code dueOn}. */
public record InstructionIssued(String instructionId, String taskId, String text, String leader, String leaderPost,
        List<String> assignees, LocalDate dueOn, OffsetDateTime issuedAt) implements EventPayload {

    public InstructionIssued {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("instructionId", instructionId).required("taskId", taskId)
                .required("text", text).required("leader", leader).required("dueOn", dueOn)
                .required("issuedAt", issuedAt).that(!assignees.isEmpty(), "assignees must name at least one unit")
                .result();
    }
}
