package cn.duban.supervision.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one task's current findings and its open alerts into the {@link AlertAction}s that bring the alerts
 * up to date at {@code now}. Pure and deterministic: same inputs, same actions in the same order.
 *
 * <ul>
 *   <li><b>One alert per {@link AlertKey}</b> (rule and milestone). A finding without an open alert is raised;
 *       an open alert, acknowledged or not, whose finding is gone is resolved. Should two open alerts share a
 *       key, the one raised first is kept and the others are resolved as duplicates.</li>
 *   <li><b>Escalation</b> counts whole calendar days in Shanghai from the day raised to today, acknowledged or
 *       not: from {@code escalateToLeaderAfterDays} (3) level 2, from {@code escalateToOfficeAfterDays} (7)
 *       level 3. Only upward, and one action straight to the level due (1 → 3 is a single Escalate).</li>
 *   <li><b>Reminders</b>: an alert still OPEN (not acknowledged) is reminded once {@code reminderIntervalDays}
 *       (3) calendar days have passed since its last reminder, or since it was raised if never reminded.</li>
 *   <li><b>Inhibition</b>: while the findings include a RED one, every non-RED alert of the task is inhibited:
 *       a new one is raised with {@code inhibited = true} (stored and published, nobody notified); an open one
 *       gets no Remind, and its escalation still happens, so its level stays true to its age, but as an
 *       Escalate with {@code inhibited = true} (no notice). Resolves are never inhibited. When the RED finding
 *       clears, reminders resume at once if one fell due meanwhile; levels reached silently are not re-announced.
 *       RED alerts are never inhibited.</li>
 *   <li><b>Idempotent</b>: applying the actions and reconciling again at the same instant yields nothing,
 *       so re-evaluating a task, or replaying an event, never repeats a notice.</li>
 * </ul>
 */
public final class AlertReconciler {

    private static final Comparator<OpenAlert> OLDEST_FIRST =
            Comparator.comparing(OpenAlert::raisedAt).thenComparing(OpenAlert::alertId);

    private final RuleSettings settings;

    public AlertReconciler(RuleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public List<AlertAction> reconcile(List<OpenAlert> openAlerts, List<Finding> findings, Instant now) {
        LocalDate today = BusinessCalendar.dateOf(now);
        boolean redPresent = findings.stream().anyMatch(finding -> finding.light() == Light.RED);
        Map<AlertKey, Finding> findingsByKey = new LinkedHashMap<>();
        findings.forEach(finding -> findingsByKey.putIfAbsent(finding.key(), finding));

        var actions = new ArrayList<AlertAction>();
        Set<AlertKey> alerted = new HashSet<>();
        for (OpenAlert alert : openAlerts.stream().sorted(OLDEST_FIRST).toList()) {
            if (!findingsByKey.containsKey(alert.key())) {
                actions.add(new AlertAction.Resolve(alert.alertId(), AlertAction.Resolve.CONDITION_CLEARED));
            } else if (!alerted.add(alert.key())) {
                actions.add(new AlertAction.Resolve(alert.alertId(), AlertAction.Resolve.DUPLICATE));
            } else {
                actions.addAll(followUp(alert, today, redPresent && alert.light() != Light.RED));
            }
        }
        findingsByKey.values().stream()
                .filter(finding -> !alerted.contains(finding.key()))
                .map(finding -> new AlertAction.Raise(finding.rule(), finding.milestone(), finding.light(),
                        finding.reason(), redPresent && finding.light() != Light.RED))
                .forEach(actions::add);
        return actions;
    }

    /**
     * The first date after today on which {@link #reconcile} with these same findings would act again (an escalation
     * or a reminder falling due), once today's actions are applied; empty when it never would. Conservative: a
     * reminder that inhibition or an acknowledgement will hold back still counts.
     */
    public Optional<LocalDate> nextFollowUp(List<OpenAlert> openAlerts, List<Finding> findings, Instant now) {
        LocalDate today = BusinessCalendar.dateOf(now);
        Set<AlertKey> keys = new HashSet<>();
        findings.forEach(finding -> keys.add(finding.key()));
        Optional<LocalDate> next = Optional.empty();
        Set<AlertKey> followed = new HashSet<>();
        for (OpenAlert alert : openAlerts.stream().sorted(OLDEST_FIRST).toList()) {
            if (keys.contains(alert.key()) && followed.add(alert.key())) {
                LocalDate raised = BusinessCalendar.dateOf(alert.raisedAt());
                Instant since = alert.lastReminderAt() != null ? alert.lastReminderAt() : alert.raisedAt();
                next = earliest(next, followUps(raised, alert.isAcknowledged() ? null : BusinessCalendar.dateOf(since),
                        today));
            }
        }
        for (AlertKey key : keys) {
            if (!followed.contains(key)) { // raised today
                next = earliest(next, followUps(today, today, today));
            }
        }
        return next;
    }

    private Optional<LocalDate> followUps(LocalDate raised, LocalDate remindedOn, LocalDate today) {
        Optional<LocalDate> next = Optional.empty();
        for (int days : new int[] {settings.escalateToLeaderAfterDays(), settings.escalateToOfficeAfterDays()}) {
            LocalDate escalation = raised.plusDays(days);
            next = escalation.isAfter(today) ? earliest(next, Optional.of(escalation)) : next;
        }
        if (remindedOn != null) {
            LocalDate reminder = remindedOn.plusDays(settings.reminderIntervalDays());
            // a reminder due today is sent today, so the next one is an interval away
            next = earliest(next, Optional.of(reminder.isAfter(today) ? reminder
                    : today.plusDays(settings.reminderIntervalDays())));
        }
        return next;
    }

    private static Optional<LocalDate> earliest(Optional<LocalDate> one, Optional<LocalDate> other) {
        return Boundaries.earliest(one, other);
    }

    private List<AlertAction> followUp(OpenAlert alert, LocalDate today, boolean inhibited) {
        var actions = new ArrayList<AlertAction>();
        int dueLevel = levelDue(BusinessCalendar.daysBetween(BusinessCalendar.dateOf(alert.raisedAt()), today));
        if (dueLevel > alert.escalationLevel()) {
            actions.add(new AlertAction.Escalate(alert.alertId(), dueLevel, inhibited));
        }
        if (!inhibited && !alert.isAcknowledged() && reminderDue(alert, today)) {
            actions.add(new AlertAction.Remind(alert.alertId()));
        }
        return actions;
    }

    private int levelDue(long daysOpen) {
        if (daysOpen >= settings.escalateToOfficeAfterDays()) {
            return OpenAlert.OFFICE_LEVEL;
        }
        if (daysOpen >= settings.escalateToLeaderAfterDays()) {
            return OpenAlert.LEADER_LEVEL;
        }
        return OpenAlert.UNIT_LEVEL;
    }

    private boolean reminderDue(OpenAlert alert, LocalDate today) {
        Instant since = alert.lastReminderAt() != null ? alert.lastReminderAt() : alert.raisedAt();
        return BusinessCalendar.daysBetween(BusinessCalendar.dateOf(since), today) >= settings.reminderIntervalDays();
    }
}
