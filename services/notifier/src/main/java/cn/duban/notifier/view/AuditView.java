package cn.duban.notifier.view;

import cn.duban.notifier.repository.AuditEntry;
import java.time.OffsetDateTime;

/** One change in the audit trail: who did what, when. */
public record AuditView(OffsetDateTime at, String actor, String action, String detail) {

    public static AuditView of(AuditEntry a) {
        return new AuditView(a.at, a.actor, a.action, a.detail);
    }
}
