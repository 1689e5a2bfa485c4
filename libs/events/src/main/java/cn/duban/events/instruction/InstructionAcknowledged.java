package cn.duban.events.instruction;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 签收: a unit the instruction names confirmed it received it. */
public record InstructionAcknowledged(String instructionId, String taskId, OffsetDateTime acknowledgedAt,
        String acknowledgedBy) implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("instructionId", instructionId).required("taskId", taskId)
                .required("acknowledgedAt", acknowledgedAt).result();
    }
}
