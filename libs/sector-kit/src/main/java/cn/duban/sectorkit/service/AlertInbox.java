package cn.duban.sectorkit.service;

import cn.duban.events.Envelope;
import cn.duban.events.Sector;
import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.events.instruction.InstructionAcknowledged;
import cn.duban.events.instruction.InstructionAnswered;
import cn.duban.events.instruction.InstructionIssued;
import cn.duban.events.instruction.InstructionOverdue;
import cn.duban.events.notice.NoticeIssued;
import cn.duban.events.notice.NoticeOverdue;
import cn.duban.events.notice.NoticeReceived;
import cn.duban.events.notice.NoticeReplied;
import cn.duban.sectorkit.domain.AlertState;
import cn.duban.sectorkit.domain.Light;
import cn.duban.sectorkit.domain.PaperKind;
import cn.duban.sectorkit.domain.PaperState;
import cn.duban.sectorkit.repository.InboxAlert;
import cn.duban.sectorkit.repository.InboxPaper;
import cn.duban.sectorkit.repository.SectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Keeps the alerts on this sector's tasks, so each unit sees its lights and open alerts where it reports. */
@ApplicationScoped
public class AlertInbox {

    @Inject
    SectorConfig config;

    @Inject
    SectorStore store;

    /** Alerts on this sector's tasks, known by the task id's sector code. */
    public boolean concerns(Envelope<?> event) {
        return Sector.ofTaskId(event.subject()).map(s -> s.id().equals(config.name())).orElse(false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Envelope<?> event) {
        if (event.data() instanceof AlertRaised raised) {
            if (store.alert(raised.alertId()).isEmpty()) {
                InboxAlert alert = new InboxAlert();
                alert.alertId = raised.alertId();
                alert.taskId = raised.taskId();
                alert.rule = raised.rule();
                alert.light = Light.of(raised.light());
                alert.milestone = raised.milestone();
                alert.state = AlertState.OPEN;
                alert.escalationLevel = raised.escalationLevel();
                alert.reason = raised.reason();
                alert.units = raised.units();
                alert.raisedAt = raised.raisedAt();
                alert.updatedAt = raised.raisedAt();
                store.add(alert);
            }
        } else if (event.data() instanceof AlertEscalated escalated) {
            store.alert(escalated.alertId()).ifPresent(a -> update(a, a.state, escalated.escalationLevel(),
                    escalated.escalatedAt()));
        } else if (event.data() instanceof AlertAcknowledged acknowledged) {
            store.alert(acknowledged.alertId()).filter(a -> a.state != AlertState.RESOLVED)
                    .ifPresent(a -> update(a, AlertState.ACKNOWLEDGED, a.escalationLevel, acknowledged.acknowledgedAt()));
        } else if (event.data() instanceof AlertResolved resolved) {
            store.alert(resolved.alertId()).ifPresent(a -> update(a, AlertState.RESOLVED, a.escalationLevel,
                    resolved.resolvedAt()));
        } else {
            applyPaper(event.data());
        }
    }

    /** Notices and leaders' instructions (docs/papers.md): kept until answered, so each unit sees what it owes. */
    private void applyPaper(Object data) {
        if (data instanceof NoticeIssued n) {
            if (store.paper(PaperKind.NOTICE, n.noticeNumber()).isEmpty()) {
                store.add(paper(PaperKind.NOTICE, n.noticeNumber(), "督办通知单" + n.documentNumber(), n.taskId(),
                        n.late() + "。督办要求：" + n.requirement(), n.units(), n.replyBy(), n.issuedAt()));
            }
        } else if (data instanceof NoticeReceived n) {
            move(PaperKind.NOTICE, n.noticeNumber(), PaperState.RECEIVED, n.receivedAt());
        } else if (data instanceof NoticeOverdue n) {
            move(PaperKind.NOTICE, n.noticeNumber(), PaperState.OVERDUE, n.escalatedAt());
        } else if (data instanceof NoticeReplied n) {
            move(PaperKind.NOTICE, n.noticeNumber(), PaperState.ANSWERED, n.repliedAt());
        } else if (data instanceof InstructionIssued i) {
            if (store.paper(PaperKind.INSTRUCTION, i.instructionId()).isEmpty()) {
                store.add(paper(PaperKind.INSTRUCTION, i.instructionId(), "领导批示（"
                        + (i.leaderPost() == null ? i.leader() : i.leaderPost()) + "）", i.taskId(), i.text(),
                        i.assignees(), i.dueOn(), i.issuedAt()));
            }
        } else if (data instanceof InstructionAcknowledged i) {
            move(PaperKind.INSTRUCTION, i.instructionId(), PaperState.RECEIVED, i.acknowledgedAt());
        } else if (data instanceof InstructionOverdue i) {
            move(PaperKind.INSTRUCTION, i.instructionId(), PaperState.OVERDUE, i.overdueAt());
        } else if (data instanceof InstructionAnswered i) {
            move(PaperKind.INSTRUCTION, i.instructionId(), PaperState.ANSWERED, i.answeredAt());
        }
    }

    private static InboxPaper paper(PaperKind kind, String reference, String title, String taskId, String text,
            List<String> units, java.time.LocalDate dueOn, OffsetDateTime at) {
        InboxPaper paper = new InboxPaper();
        paper.id = InboxPaper.idOf(kind, reference);
        paper.kind = kind;
        paper.reference = reference;
        paper.title = title;
        paper.taskId = taskId;
        paper.text = text;
        paper.units = units;
        paper.dueOn = dueOn;
        paper.state = PaperState.ISSUED;
        paper.issuedAt = at;
        paper.updatedAt = at;
        return paper;
    }

    /** States only move forward (an answer is final; a receipt does not undo overdue). */
    private void move(PaperKind kind, String reference, PaperState state, OffsetDateTime at) {
        store.paper(kind, reference).filter(p -> p.state.compareTo(state) < 0).ifPresent(p -> {
            p.state = state;
            p.updatedAt = at;
        });
    }

    /** The light a task shows: RED or YELLOW from its worst open alert, GREEN with none. */
    public static Light light(List<InboxAlert> openAlerts) {
        return Light.worst(openAlerts.stream().map(a -> a.light).toList());
    }

    private static void update(InboxAlert alert, AlertState state, int level, OffsetDateTime at) {
        alert.state = state;
        alert.escalationLevel = Math.max(alert.escalationLevel, level);
        alert.updatedAt = at;
    }
}
