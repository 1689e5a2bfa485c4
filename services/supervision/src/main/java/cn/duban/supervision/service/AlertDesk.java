package cn.duban.supervision.service;

import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.events.alert.ReminderSent;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.engine.AlertAction;
import cn.duban.supervision.engine.AlertReconciler;
import cn.duban.supervision.engine.AlertState;
import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.view.AlertView;
import cn.duban.supervision.view.TaskView;
import cn.duban.supervision.engine.Finding;
import cn.duban.supervision.engine.OpenAlert;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.Reminder;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a task's alerts in step with its findings (the engine's {@link AlertReconciler} decides; this stores,
 * publishes on duban.alerts.v1, audits and notifies), and takes acknowledgements and the office's reminders.
 */
@ApplicationScoped
public class AlertDesk {
    public static final String OFFICE = "县政府督查室";

    @Inject
    AlertReconciler reconciler;

    @Inject
    SupervisionAccess access;

    @Inject
    SupervisionEvents events;

    @Inject
    Audit audit;

    @Inject
    BusinessClock clock;

    @Inject
    Event<AlertFeed.Notice> notices;

    @Inject
    AlertMetrics metrics;

    /** @param unresolved the task's alerts not yet resolved, oldest first ({@link Alert#unresolvedOf(String)}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(Task task, List<Alert> unresolved, List<Finding> findings, Instant now) {
        Map<String, Alert> byId = unresolved.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<OpenAlert> open = unresolved.stream().map(Alert::toOpenAlert).toList();
        OffsetDateTime at = now.atZone(BusinessCalendar.ZONE).toOffsetDateTime();
        for (AlertAction action : reconciler.reconcile(open, findings, now)) {
            if (action instanceof AlertAction.Raise raise) {
                raise(task, raise, at);
            } else if (action instanceof AlertAction.Resolve resolve) {
                resolve(byId.get(resolve.alertId()), resolve.reason(), at);
            } else if (action instanceof AlertAction.Escalate escalate) {
                escalate(task, byId.get(escalate.alertId()), escalate, at);
            } else if (action instanceof AlertAction.Remind remind) {
                remind(task, byId.get(remind.alertId()), "请尽快签收督办单并报送整改进展：" + byId.get(remind.alertId()).reason,
                        false, "system", at);
            }
        }
    }

    /** 签收 of an alert by the caller, who must be allowed to ({@link SupervisionAccess#checkMayAcknowledge}). */
    @Transactional
    public AlertView acknowledge(String alertId) {
        Alert alert = Alert.findById(alertId);
        if (alert == null) {
            throw DubanException.notFound("没有预警 %s", "no alert %s", alertId);
        }
        Task task = Task.findById(alert.taskId);
        access.checkMayAcknowledge(alert, task);
        if (alert.state == AlertState.RESOLVED) {
            throw DubanException.conflict("预警 %s 已经解除", "alert %s is already resolved", alertId);
        }
        if (alert.state == AlertState.OPEN) { // acknowledging twice changes nothing
            String actor = access.actor();
            OffsetDateTime at = clock.now();
            alert.state = AlertState.ACKNOWLEDGED;
            alert.acknowledgedAt = at;
            alert.acknowledgedBy = actor;
            events.publish(actor, at, new AlertAcknowledged(alert.id, alert.taskId, actor, at));
            audit.byCaller("alert.acknowledged", alert.taskId, alert.id, alert.rule.name());
            notify("AlertAcknowledged", alert, "督办单已签收", at);
        }
        return AlertView.of(alert, access.mayAcknowledge(alert, task));
    }

    /** 催办 by the office, with its own message, to every unit of the task. */
    @Transactional
    public TaskView.ReminderView remind(String taskId, String message, String actor) {
        Task task = Tasks.existing(taskId);
        Reminder reminder = remind(task, null, message, true, actor, clock.now());
        return new TaskView.ReminderView(reminder.id, reminder.taskId, reminder.alertId, reminder.message,
                reminder.manual, reminder.sentAt, reminder.sentBy);
    }

    private void raise(Task task, AlertAction.Raise raise, OffsetDateTime at) {
        Alert alert = new Alert();
        alert.id = "AL-" + UUID.randomUUID();
        alert.taskId = task.id;
        alert.rule = raise.rule();
        alert.milestone = raise.milestone();
        alert.light = raise.light();
        alert.state = AlertState.OPEN;
        alert.escalationLevel = OpenAlert.UNIT_LEVEL;
        alert.inhibited = raise.inhibited();
        alert.reason = raise.reason();
        alert.units = task.units();
        alert.raisedAt = at;
        alert.persist();
        metrics.raised(alert.rule.name(), alert.light.name());
        events.publish("system", at, new AlertRaised(alert.id, task.id, alert.rule.name(), alert.light.name(), alert.milestone,
                alert.escalationLevel, alert.units, alert.reason, alert.inhibited, at));
        AuditEntry.record(at, "system", "alert.raised", task.id, alert.id, alert.reason);
        if (!raise.inhibited()) {
            notify("AlertRaised", alert, alert.reason, at);
        }
    }

    private void resolve(Alert alert, String reason, OffsetDateTime at) {
        alert.state = AlertState.RESOLVED;
        alert.resolvedAt = at;
        alert.resolution = reason;
        events.publish("system", at, new AlertResolved(alert.id, alert.taskId, alert.rule.name(), reason, at));
        AuditEntry.record(at, "system", "alert.resolved", alert.taskId, alert.id, reason);
        notify("AlertResolved", alert, reason, at);
    }

    private void escalate(Task task, Alert alert, AlertAction.Escalate escalate, OffsetDateTime at) {
        alert.escalationLevel = escalate.newLevel();
        String to = escalate.newLevel() == OpenAlert.LEADER_LEVEL ? task.leader : OFFICE;
        events.publish("system", at, new AlertEscalated(alert.id, alert.taskId, alert.rule.name(), alert.escalationLevel, to, at));
        AuditEntry.record(at, "system", "alert.escalated", alert.taskId, alert.id,
                "level " + alert.escalationLevel + " → " + to);
        if (!escalate.inhibited()) {
            notify("AlertEscalated", alert, "督办升级至" + to, at);
        }
    }

    private Reminder remind(Task task, Alert alert, String message, boolean manual, String actor, OffsetDateTime at) {
        Reminder reminder = new Reminder();
        reminder.id = "RM-" + UUID.randomUUID();
        reminder.taskId = task.id;
        reminder.alertId = alert == null ? null : alert.id;
        reminder.message = message;
        reminder.manual = manual;
        reminder.sentAt = at;
        reminder.sentBy = actor;
        reminder.persist();
        if (alert != null) {
            alert.lastReminderAt = at;
        }
        events.publish(actor, at, new ReminderSent(reminder.id, task.id, reminder.alertId, task.units(), message, manual, at,
                actor));
        AuditEntry.record(at, actor, manual ? "reminder.manual" : "reminder.auto", task.id, reminder.id, message);
        notices.fire(new AlertFeed.Notice("ReminderSent", reminder.alertId, task.id, alert == null ? null : alert.rule.name(),
                alert == null ? null : alert.light.name(), alert == null ? null : alert.state.name(),
                alert == null ? 0 : alert.escalationLevel, alert == null ? null : alert.milestone, task.units(), message,
                at));
        return reminder;
    }

    private void notify(String event, Alert alert, String message, OffsetDateTime at) {
        notices.fire(new AlertFeed.Notice(event, alert.id, alert.taskId, alert.rule.name(), alert.light.name(), alert.state.name(),
                alert.escalationLevel, alert.milestone, alert.units, message, at));
    }
}
