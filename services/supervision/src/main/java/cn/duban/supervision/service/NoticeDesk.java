package cn.duban.supervision.service;

import cn.duban.events.notice.NoticeIssued;
import cn.duban.events.notice.NoticeOverdue;
import cn.duban.events.notice.NoticeReceived;
import cn.duban.events.notice.NoticeReplied;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.config.PapersConfig;
import cn.duban.supervision.engine.OpenAlert;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.Notice;
import cn.duban.supervision.repository.NoticeCounter;
import cn.duban.supervision.repository.PaperTrail;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.NoticeView;
import cn.duban.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 督办通知单 (docs/papers.md): issued by the office by hand, or by itself when an alert escalates to the office's
 * level; numbered per year without gap or repeat ({@link NoticeCounter}); received (签收) and answered (回执) by
 * the task's units; escalated to the responsible leader when no reply came by its 时限.
 */
@ApplicationScoped
public class NoticeDesk extends PaperDesk<Notice, NoticeView> {
    private static final Kind<Notice, NoticeView> NOTICE = new Kind<>(Text.of("督办通知单", "notice"),
            Text.of("回执", "replied to"), Notice::of, Notice::ofTask, Notice::documentNumber, "notice.received",
            "notice.replied", "NoticeReplied", NoticeView::of);

    @Inject
    PapersConfig config;

    @Inject
    Event<AlertFeed.Notice> live;

    public NoticeDesk() {
        super(NOTICE);
    }

    /** By hand: what is late and what is required are the office's words; the 时限 defaults to the configured days. */
    @Transactional
    public NoticeView issue(String taskId, String late, String requirement, LocalDate replyBy, String actor) {
        Task task = Tasks.existing(taskId);
        OffsetDateTime now = clock.now();
        LocalDate due = replyBy != null ? replyBy : now.toLocalDate().plusDays(config.notices().replyWithinDays());
        if (!due.isAfter(now.toLocalDate())) {
            throw DubanException.invalidField("replyBy", "回复时限 %s 须晚于今天（%s）",
                    "replyBy %s must be after today (%s)", due, now.toLocalDate());
        }
        return NoticeView.of(issue(task, null, late, requirement, due, actor, now));
    }

    /** An alert escalated to the office: one notice per alert, issued in the escalation's transaction. */
    void onEscalation(@Observes AlertFeed.Notice notice) {
        if (!"AlertEscalated".equals(notice.event()) || notice.escalationLevel() < OpenAlert.OFFICE_LEVEL
                || Notice.count("alertId", notice.alertId()) > 0) {
            return;
        }
        Alert alert = Alert.findById(notice.alertId());
        Task task = Task.findById(notice.taskId());
        if (alert == null || task == null) {
            return;
        }
        issue(task, alert.id, alert.reason + "；经" + (alert.acknowledgedAt == null ? "催办仍未签收" : "签收后仍未整改")
                        + "，预警已升级至县政府督查室",
                "请立即组织整改，明确责任人和完成时间，并书面报告整改措施和进展。", notice.at().toLocalDate()
                        .plusDays(config.notices().replyWithinDays()), "system", notice.at());
    }

    private Notice issue(Task task, String alertId, String late, String requirement, LocalDate replyBy, String actor,
            OffsetDateTime at) {
        Notice notice = new Notice();
        notice.year = at.getYear();
        notice.number = NoticeCounter.next(notice.year);
        notice.id = Notice.idOf(notice.year, notice.number);
        notice.taskId = task.id;
        notice.alertId = alertId;
        notice.automatic = alertId != null;
        notice.units = task.units();
        notice.late = late;
        notice.requirement = requirement;
        notice.replyBy = replyBy;
        notice.state = Notice.State.ISSUED;
        notice.trail = new PaperTrail(at);
        notice.issuedBy = actor;
        notice.persist();
        events.publish(actor, at, new NoticeIssued(notice.id, notice.documentNumber(), task.id, alertId, notice.automatic,
                notice.units, late, requirement, replyBy, at, actor));
        AuditEntry.record(at, actor, "notice.issued", task.id, notice.id, notice.documentNumber() + " " + late);
        announce("NoticeIssued", notice, "督办通知单" + notice.documentNumber() + "：" + late, at);
        return notice;
    }

    /** 签收 by a unit of the task (or the office): the first receipt counts; later ones change nothing. */
    @Transactional
    public NoticeView receive(String taskId, String number, String actor) {
        paperAccess.answerable(taskId, List::of);
        return recordReceipt(taskId, number, actor, at -> new NoticeReceived(number, taskId, at, actor));
    }

    /** 回执 by a unit of the task, or by the office for its lead unit: once; a late reply is recorded as late. */
    @Transactional
    public NoticeView reply(String taskId, String number, String text, String actor) {
        String unit = paperAccess.replyingUnit(paperAccess.answerable(taskId, List::of));
        return recordAnswer(taskId, number, text, actor, notice -> "督办通知单" + notice.documentNumber() + "已回执",
                (late, at) -> new NoticeReplied(number, taskId, unit, text, late, at, actor));
    }

    /** Notices with no reply by the end of their 时限 escalate to the task's responsible leader, once. */
    @Transactional
    public int escalateOverdue() {
        OffsetDateTime now = clock.now();
        List<Notice> overdue = Notice.unansweredPast(now.toLocalDate());
        for (Notice notice : overdue) {
            Task task = Task.findById(notice.taskId);
            notice.state = Notice.State.OVERDUE;
            notice.escalatedAt = now;
            notice.escalatedTo = task == null ? AlertDesk.OFFICE : task.leader;
            events.publish("system", now, new NoticeOverdue(notice.id, notice.taskId, notice.units, notice.replyBy,
                    notice.escalatedTo, now));
            AuditEntry.record(now, "system", "notice.overdue", notice.taskId, notice.id,
                    notice.documentNumber() + " 逾期未回执 → " + notice.escalatedTo);
            announce("NoticeOverdue", notice, "督办通知单" + notice.documentNumber() + "逾期未回执，已提请"
                    + notice.escalatedTo + "督办", now);
        }
        return overdue.size();
    }

    @Override
    void announce(String event, Notice notice, String message, OffsetDateTime at) {
        live.fire(AlertFeed.Notice.ofPaper(event, notice.id, notice.taskId, notice.state, notice.units, message, at));
    }
}
