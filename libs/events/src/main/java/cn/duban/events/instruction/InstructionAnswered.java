package cn.duban.events.instruction;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 办理结果: the units answered the instruction; {@code late} when after its due date. */
public record InstructionAnswered(String instructionId, String taskId, String answer, boolean late,
        OffsetDateTime answeredAt, String answeredBy) implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("instructionId", instructionId).required("taskId", taskId)
                .required("answer", answer).required("answeredAt", answeredAt).result();
    }
}
