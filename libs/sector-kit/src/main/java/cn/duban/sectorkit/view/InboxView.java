package cn.duban.sectorkit.view;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.sectorkit.domain.AlertState;
import cn.duban.sectorkit.domain.Light;
import cn.duban.sectorkit.domain.PaperKind;
import cn.duban.sectorkit.domain.PaperState;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.repository.InboxAlert;
import cn.duban.sectorkit.repository.InboxPaper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What a unit reads in its sector service: its assigned tasks, their open alerts and the papers it owes an answer. */
public final class InboxView {
    private InboxView() {
    }

    /** An assigned task with its light (from its worst open alert) and its open alerts. */
    public record TaskItem(String id, String title, String leadUnit, List<String> coUnits, String leader,
            LocalDate deadline, LocalDate originalDeadline, List<Target> targets, List<Milestone> milestones,
            boolean closed, Light light, List<AlertItem> openAlerts) {
        public static TaskItem of(AssignedTask t, Light light, List<InboxAlert> open) {
            return new TaskItem(t.id, t.title, t.leadUnit, t.coUnits, t.leader, t.deadline, t.originalDeadline,
                    t.targets, t.milestones, t.closed, light, open.stream().map(AlertItem::of).toList());
        }
    }

    public record AlertItem(String alertId, String taskId, String rule, Light light, String milestone, AlertState state,
            int escalationLevel, String reason, List<String> units, OffsetDateTime raisedAt) {
        public static AlertItem of(InboxAlert a) {
            return new AlertItem(a.alertId, a.taskId, a.rule, a.light, a.milestone, a.state, a.escalationLevel,
                    a.reason, a.units, a.raisedAt);
        }
    }

    /** A notice or leader's instruction not answered yet (docs/papers.md). */
    public record PaperItem(PaperKind kind, String reference, String title, String taskId, String text,
            List<String> units, LocalDate dueOn, PaperState state, OffsetDateTime issuedAt) {
        public static PaperItem of(InboxPaper p) {
            return new PaperItem(p.kind, p.reference, p.title, p.taskId, p.text, p.units, p.dueOn, p.state, p.issuedAt);
        }
    }

    /** {@code papers}: the notices and leaders' instructions the unit has not answered yet (docs/papers.md). */
    public record AlertList(List<AlertItem> items, long total, List<PaperItem> papers) {
    }
}
