package cn.duban.supervision.service;

import cn.duban.platform.security.Caller;
import cn.duban.supervision.repository.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The audit trail of changes a signed-in caller makes (import, clock move, decision, acknowledgement, override …):
 * the token's user name and subject id, business time and wall time. Changes the system makes, or that arrive in a
 * unit's event, go through {@link AuditEntry#record} directly.
 */
@ApplicationScoped
public class Audit {

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    public void byCaller(String action, String taskId, String subject, String detail) {
        AuditEntry.record(clock.now(), caller.name(), caller.subjectId(), action, taskId, subject, detail);
    }
}
