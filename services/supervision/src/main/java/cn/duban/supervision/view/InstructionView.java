package cn.duban.supervision.view;

import cn.duban.supervision.repository.Instruction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A 领导批示 as the API shows it, with who acknowledged and answered it and when. */
public record InstructionView(String id, String taskId, String text, String leader, String leaderPost,
        List<String> assignees, LocalDate dueOn, Instruction.State state, boolean overdue, OffsetDateTime issuedAt,
        OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime answeredAt, String answeredBy,
        String answer, OffsetDateTime overdueAt) {

    public static InstructionView of(Instruction i) {
        return new InstructionView(i.id, i.taskId, i.text, i.leader, i.leaderPost, i.assignees, i.dueOn, i.state,
                i.overdueAt != null, i.trail.issuedAt, i.trail.receivedAt, i.trail.receivedBy, i.trail.answeredAt,
                i.trail.answeredBy, i.trail.answer, i.overdueAt);
    }
}
