package cn.duban.supervision.service;

import cn.duban.events.instruction.InstructionAcknowledged;
import cn.duban.events.instruction.InstructionAnswered;
import cn.duban.events.instruction.InstructionIssued;
import cn.duban.events.instruction.InstructionOverdue;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.Instruction;
import cn.duban.supervision.repository.PaperTrail;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.view.InstructionView;
import cn.duban.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 领导批示 (docs/papers.md): a leader's instruction on a task, tracked like an alert — acknowledged (签收) and
 * answered (办理结果) by the units it names, marked overdue (and the leader told) when its date passes unanswered —
 * published on duban.alerts.v1 so the units' inboxes show it, and audited.
 */
@ApplicationScoped
public class InstructionDesk extends PaperDesk<Instruction, InstructionView> {
    private static final Kind<Instruction, InstructionView> INSTRUCTION = new Kind<>(Text.of("领导批示", "instruction"),
            Text.of("办结", "answered"), Instruction::of, Instruction::ofTask, instruction -> instruction.text,
            "instruction.acknowledged", "instruction.answered", "InstructionAnswered", InstructionView::of);

    @Inject
    Event<AlertFeed.Notice> live;

    public InstructionDesk() {
        super(INSTRUCTION);
    }

    /** @param assignees the units who must act; none named means the task's own units */
    @Transactional
    public InstructionView issue(String taskId, String text, List<String> assignees, LocalDate dueOn, String leader,
            String post) {
        Task task = Tasks.existing(taskId);
        OffsetDateTime now = clock.now();
        List<String> units = assignees == null || assignees.isEmpty() ? task.units() : List.copyOf(assignees);
        List<BadField> unknown = units.stream().filter(u -> Unit.findById(u) == null)
                .map(u -> BadField.of("assignees", "没有单位 %s", "no unit %s", u)).toList();
        if (!unknown.isEmpty()) {
            throw DubanException.invalidFields(unknown);
        }
        if (dueOn.isBefore(now.toLocalDate())) {
            throw DubanException.invalidField("dueOn", "办理时限 %s 早于今天（%s）", "dueOn %s is before today (%s)",
                    dueOn, now.toLocalDate());
        }
        Instruction instruction = new Instruction();
        instruction.id = "IN-" + UUID.randomUUID();
        instruction.taskId = task.id;
        instruction.text = text;
        instruction.leader = leader;
        instruction.leaderPost = post;
        instruction.assignees = units;
        instruction.dueOn = dueOn;
        instruction.state = Instruction.State.ISSUED;
        instruction.trail = new PaperTrail(now);
        instruction.persist();
        events.publish(leader, now, new InstructionIssued(instruction.id, task.id, text, leader, post, units, dueOn, now));
        AuditEntry.record(now, leader, "instruction.issued", task.id, instruction.id, text);
        announce("InstructionIssued", instruction, "领导批示：" + text, now);
        return InstructionView.of(instruction);
    }

    /** 签收 by a unit it names or of the task: once; acknowledging again, or after answering, changes nothing. */
    @Transactional
    public InstructionView acknowledge(String taskId, String id, String actor) {
        paperAccess.answerable(taskId, () -> find(taskId, id).assignees);
        return recordReceipt(taskId, id, actor, at -> new InstructionAcknowledged(id, taskId, at, actor));
    }

    /** 办理结果 by a unit it names or of the task: once; after the due date it is recorded as late. */
    @Transactional
    public InstructionView answer(String taskId, String id, String answer, String actor) {
        paperAccess.answerable(taskId, () -> find(taskId, id).assignees);
        return recordAnswer(taskId, id, answer, actor, instruction -> "领导批示已办结：" + answer,
                (late, at) -> new InstructionAnswered(id, taskId, answer, late, at, actor));
    }

    /** Instructions unanswered after their date are marked overdue once, and the leader who wrote them is told. */
    @Transactional
    public int markOverdue() {
        OffsetDateTime now = clock.now();
        List<Instruction> overdue = Instruction.newlyOverdue(now.toLocalDate());
        for (Instruction instruction : overdue) {
            instruction.overdueAt = now;
            events.publish("system", now, new InstructionOverdue(instruction.id, instruction.taskId, instruction.assignees,
                    instruction.dueOn, instruction.leader, now));
            AuditEntry.record(now, "system", "instruction.overdue", instruction.taskId, instruction.id,
                    "逾期未办结（时限 " + instruction.dueOn + "）");
            announce("InstructionOverdue", instruction, "领导批示逾期未办结：" + instruction.text, now);
        }
        return overdue.size();
    }

    @Override
    void announce(String event, Instruction instruction, String message, OffsetDateTime at) {
        live.fire(AlertFeed.Notice.ofPaper(event, instruction.id, instruction.taskId, instruction.state,
                instruction.assignees, message, at));
    }
}
