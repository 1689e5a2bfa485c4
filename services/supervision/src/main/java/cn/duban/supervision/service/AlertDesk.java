package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.EventPayload;
import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.events.alert.ReminderSent;
import cn.duban.platform.messaging.Outbox;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.engine.AlertAction;
import cn.duban.supervision.engine.AlertReconciler;
import cn.duban.supervision.engine.Finding;
import cn.duban.supervision.engine.OpenAlert;
import cn.duban.supervision.engine.RuleSettings;
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
import java.util.ArrayList;
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

    private final AlertReconciler reconciler = new AlertReconciler(RuleSettings.defaults());

    @Inject
    Outbox outbox;

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
        OffsetDateTime at = now.atZone(BusinessClock.ZONE).toOffsetDateTime();
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

    @Transactional
    public Alert acknowledge(String alertId, String actor) {
        Alert alert = Alert.findById(alertId);
        if (alert == null) {
            throw DubanException.notFound("没有预警 %s", "no alert %s", alertId);
        }
        if (Alert.RESOLVED.equals(alert.state)) {
            throw DubanException.conflict("预警 %s 已经解除", "alert %s is already resolved", alertId);
        }
        if (Alert.ACKNOWLEDGED.equals(alert.state)) {
            return alert; // acknowledging twice changes nothing
        }
        OffsetDateTime at = clock.now();
        alert.state = Alert.ACKNOWLEDGED;
        alert.acknowledgedAt = at;
        alert.acknowledgedBy = actor;
        publish(actor, at, new AlertAcknowledged(alert.id, alert.taskId, actor, at));
        AuditEntry.record(at, actor, "alert.acknowledged", alert.taskId, alert.id, alert.rule);
        notify("AlertAcknowledged", alert, "督办单已签收", at);
        return alert;
    }

    /** 催办 by the office, with its own message, to every unit of the task. */
    @Transactional
    public Reminder remind(String taskId, String message, String actor) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw DubanException.notFound("台账中没有任务 %s", "no task %s in the ledger", taskId);
        }
        return remind(task, null, message, true, actor, clock.now());
    }

    private void raise(Task task, AlertAction.Raise raise, OffsetDateTime at) {
        Alert alert = new Alert();
        alert.id = "AL-" + UUID.randomUUID();
        alert.taskId = task.id;
        alert.rule = raise.rule().name();
        alert.milestone = raise.milestone();
        alert.light = raise.light().name();
        alert.state = Alert.OPEN;
        alert.escalationLevel = OpenAlert.UNIT_LEVEL;
        alert.inhibited = raise.inhibited();
        alert.reason = raise.reason();
        alert.units = units(task);
        alert.raisedAt = at;
        alert.persist();
        metrics.raised(alert.rule, alert.light);
        publish("system", at, new AlertRaised(alert.id, task.id, alert.rule, alert.light, alert.milestone,
                alert.escalationLevel, alert.units, alert.reason, alert.inhibited, at));
        AuditEntry.record(at, "system", "alert.raised", task.id, alert.id, alert.reason);
        if (!raise.inhibited()) {
            notify("AlertRaised", alert, alert.reason, at);
        }
    }

    private void resolve(Alert alert, String reason, OffsetDateTime at) {
        alert.state = Alert.RESOLVED;
        alert.resolvedAt = at;
        alert.resolution = reason;
        publish("system", at, new AlertResolved(alert.id, alert.taskId, alert.rule, reason, at));
        AuditEntry.record(at, "system", "alert.resolved", alert.taskId, alert.id, reason);
        notify("AlertResolved", alert, reason, at);
    }

    private void escalate(Task task, Alert alert, AlertAction.Escalate escalate, OffsetDateTime at) {
        alert.escalationLevel = escalate.newLevel();
        String to = escalate.newLevel() == OpenAlert.LEADER_LEVEL ? task.leader : OFFICE;
        publish("system", at, new AlertEscalated(alert.id, alert.taskId, alert.rule, alert.escalationLevel, to, at));
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
        publish(actor, at, new ReminderSent(reminder.id, task.id, reminder.alertId, units(task), message, manual, at,
                actor));
        AuditEntry.record(at, actor, manual ? "reminder.manual" : "reminder.auto", task.id, reminder.id, message);
        notices.fire(new AlertFeed.Notice("ReminderSent", reminder.alertId, task.id, alert == null ? null : alert.rule,
                alert == null ? null : alert.light, alert == null ? null : alert.state,
                alert == null ? 0 : alert.escalationLevel, alert == null ? null : alert.milestone, units(task), message,
                at));
        return reminder;
    }

    private void publish(String actor, OffsetDateTime at, EventPayload payload) {
        outbox.publish(Envelope.of(LedgerImport.SERVICE, actor, at, payload));
    }

    private void notify(String event, Alert alert, String message, OffsetDateTime at) {
        notices.fire(new AlertFeed.Notice(event, alert.id, alert.taskId, alert.rule, alert.light, alert.state,
                alert.escalationLevel, alert.milestone, alert.units, message, at));
    }

    private static List<String> units(Task task) {
        List<String> units = new ArrayList<>();
        units.add(task.leadUnit);
        units.addAll(task.coUnits);
        return units;
    }
}
