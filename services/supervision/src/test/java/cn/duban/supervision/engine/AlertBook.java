package cn.duban.supervision.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test stand-in for the alert table: applies a reconciler's actions the way the service will. */
final class AlertBook {

    private final Map<String, OpenAlert> open = new LinkedHashMap<>();
    private int nextId = 1;

    List<OpenAlert> openAlerts() {
        return List.copyOf(open.values());
    }

    OpenAlert only(RuleId rule, String milestone) {
        return open.values().stream()
                .filter(alert -> alert.key().equals(new AlertKey(rule, milestone)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open alert " + rule + " " + milestone + " in " + open.values()));
    }

    void apply(List<AlertAction> actions, Instant now) {
        for (AlertAction action : actions) {
            if (action instanceof AlertAction.Raise raise) {
                String id = "A" + nextId++;
                open.put(id, new OpenAlert(id, raise.rule(), raise.milestone(), raise.light(),
                        OpenAlert.State.OPEN, now, OpenAlert.UNIT_LEVEL, null));
            } else if (action instanceof AlertAction.Resolve resolve) {
                open.remove(resolve.alertId());
            } else if (action instanceof AlertAction.Escalate escalate) {
                OpenAlert a = open.get(escalate.alertId());
                open.put(a.alertId(), new OpenAlert(a.alertId(), a.rule(), a.milestone(), a.light(), a.state(),
                        a.raisedAt(), escalate.newLevel(), a.lastReminderAt()));
            } else if (action instanceof AlertAction.Remind remind) {
                OpenAlert a = open.get(remind.alertId());
                open.put(a.alertId(), new OpenAlert(a.alertId(), a.rule(), a.milestone(), a.light(), a.state(),
                        a.raisedAt(), a.escalationLevel(), now));
            }
        }
    }
}
