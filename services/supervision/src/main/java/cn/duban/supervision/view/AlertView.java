package cn.duban.supervision.view;

import cn.duban.supervision.engine.AlertState;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.RuleId;
import cn.duban.supervision.repository.Alert;
import java.time.OffsetDateTime;
import java.util.List;

/** An alert (督办单); {@code mayAcknowledge}: whether the caller may acknowledge it now (the page shows 确认 only then). */
public record AlertView(String id, String taskId, RuleId rule, Light light, AlertState state, int escalationLevel,
        String milestone, String reason, boolean inhibited, List<String> units, OffsetDateTime raisedAt,
        OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime resolvedAt, String resolution,
        boolean mayAcknowledge) {

    public static AlertView of(Alert a, boolean mayAcknowledge) {
        return new AlertView(a.id, a.taskId, a.rule, a.light, a.state, a.escalationLevel, a.milestone, a.reason,
                a.inhibited, a.units, a.raisedAt, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolution,
                mayAcknowledge);
    }

    /**
     * The alert as it stood at {@code at}: what happened later (acknowledgement, resolution) is left out.
     * The escalation level shown is the latest; the audit trail has each escalation with its time.
     * {@code mayAcknowledge} is about now, as the button acts now.
     */
    public static AlertView asOf(Alert a, OffsetDateTime at, boolean mayAcknowledge) {
        boolean acknowledged = a.acknowledgedAt != null && !a.acknowledgedAt.isAfter(at);
        boolean resolved = a.resolvedAt != null && !a.resolvedAt.isAfter(at);
        AlertState state = resolved ? AlertState.RESOLVED : acknowledged ? AlertState.ACKNOWLEDGED : AlertState.OPEN;
        return new AlertView(a.id, a.taskId, a.rule, a.light, state, a.escalationLevel, a.milestone, a.reason,
                a.inhibited, a.units, a.raisedAt, acknowledged ? a.acknowledgedAt : null,
                acknowledged ? a.acknowledgedBy : null, resolved ? a.resolvedAt : null, resolved ? a.resolution : null,
                mayAcknowledge);
    }
}
