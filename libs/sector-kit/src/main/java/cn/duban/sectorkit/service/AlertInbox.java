package cn.duban.sectorkit.service;

import cn.duban.events.Envelope;
import cn.duban.events.Sector;
import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.InboxAlert;
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
                alert.light = raised.light();
                alert.milestone = raised.milestone();
                alert.state = "OPEN";
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
            store.alert(acknowledged.alertId()).filter(a -> !InboxAlert.RESOLVED.equals(a.state))
                    .ifPresent(a -> update(a, "ACKNOWLEDGED", a.escalationLevel, acknowledged.acknowledgedAt()));
        } else if (event.data() instanceof AlertResolved resolved) {
            store.alert(resolved.alertId()).ifPresent(a -> update(a, InboxAlert.RESOLVED, a.escalationLevel,
                    resolved.resolvedAt()));
        }
    }

    /** The light a task shows: RED or YELLOW from its worst open alert, GREEN with none. */
    public static String light(List<InboxAlert> openAlerts) {
        if (openAlerts.stream().anyMatch(a -> "RED".equals(a.light))) {
            return "RED";
        }
        return openAlerts.stream().anyMatch(a -> "YELLOW".equals(a.light)) ? "YELLOW" : "GREEN";
    }

    private static void update(InboxAlert alert, String state, int level, OffsetDateTime at) {
        alert.state = state;
        alert.escalationLevel = Math.max(alert.escalationLevel, level);
        alert.updatedAt = at;
    }
}
