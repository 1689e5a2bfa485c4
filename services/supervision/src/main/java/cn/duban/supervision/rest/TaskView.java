package cn.duban.supervision.rest;

import cn.duban.events.progress.Figure;
import cn.duban.events.task.Target;
import cn.duban.supervision.engine.Evaluation;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.repository.Acknowledgement;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.AuditEntry;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.service.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

/** The shapes of tasks on the public API (DESIGN.md "Public surface"). */
public final class TaskView {
    private TaskView() {
    }

    public record Summary(String id, String sector, String title, LocalDate deadline, String status, String light,
            String leadUnit, List<String> coUnits, String leader, int percent, int expectedPercent, List<String> flags) {
        static Summary of(Task t) {
            return new Summary(t.id, t.sector, t.title, t.deadline, t.status, t.light, t.leadUnit, t.coUnits, t.leader,
                    t.percent, t.expectedPercent, t.flags);
        }
    }

    public record Detail(String id, int year, String sector, String title, String text, List<String> section,
            LocalDate plannedStart, LocalDate deadline, LocalDate originalDeadline, String status, String light,
            String leadUnit, List<String> coUnits, String leader, List<Target> targets, List<MilestoneView> milestones,
            String reportingCycle, List<String> flags, LedgerFile.RuleOverride ruleOverrides, ProgressView progress, List<AlertResource.AlertView> alerts,
            List<AcknowledgementView> acknowledgements, List<AuditView> audit, LocalDate evaluatedOn) {
    }

    public record MilestoneView(String name, LocalDate due, LocalDate reachedOn) {
    }

    public record ProgressView(int percent, int expectedPercent, ReportView latest, List<ReportView> history) {
    }

    public record ReportView(String reportId, String unit, LocalDate asOf, List<Figure> figures, BigDecimal investment,
            Integer percent, List<String> milestonesReached, String narrative, String problems, String nextSteps,
            List<String> evidence, boolean completed, OffsetDateTime reportedAt, String reportedBy,
            String correctionOf, String correctionReason) {
        static ReportView of(ProgressReport r) {
            return new ReportView(r.reportId, r.unit, r.asOf, r.figures, r.investment, r.percent, r.milestonesReached,
                    r.narrative, r.problems, r.nextSteps, r.evidence, r.completed, r.reportedAt, r.reportedBy,
                    r.correctionOf, r.correctionReason);
        }
    }

    public record AuditView(OffsetDateTime at, String actor, String action, String subject, String detail) {
    }

    public record AcknowledgementView(String unit, OffsetDateTime acknowledgedAt, String acknowledgedBy) {
    }

    /**
     * The task as of the end of {@code evaluation}'s date (stored state for today, a recomputation for a past date):
     * reports, alerts and audit up to then; {@code mayAcknowledge} tells, for each alert, whether the caller may now.
     */
    static Detail detail(Task t, Evaluation evaluation, List<ProgressReport> reports,
            Predicate<Alert> mayAcknowledge) {
        OffsetDateTime endOfDay = evaluation.evaluatedOn().plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        List<MilestoneView> milestones = t.milestones.stream().map(m -> new MilestoneView(m.name(), m.due(),
                reports.stream().filter(r -> r.milestonesReached.contains(m.name())).map(r -> r.asOf)
                        .min(LocalDate::compareTo).orElse(null)))
                .toList();
        List<ReportView> history = reports.stream().map(ReportView::of).toList();
        ProgressView progress = new ProgressView(evaluation.percent(), evaluation.expectedPercent(),
                history.isEmpty() ? null : history.get(0), history);
        List<AcknowledgementView> acks = Acknowledgement.ofTask(t.id).stream()
                .map(a -> new AcknowledgementView(a.unit, a.acknowledgedAt, a.acknowledgedBy)).toList();
        return new Detail(t.id, t.year, t.sector, t.title, t.text, t.section, t.plannedStart, t.deadline,
                t.originalDeadline, evaluation.status().name(), evaluation.light().name(), t.leadUnit, t.coUnits,
                t.leader, t.targets, milestones, t.reportingCycle, t.flags, t.ruleOverrides, progress,
                Alert.allOf(t.id).stream().filter(a -> a.raisedAt.isBefore(endOfDay))
                        .map(a -> AlertResource.AlertView.asOf(a, endOfDay, mayAcknowledge.test(a))).toList(), acks,
                AuditEntry.ofTask(t.id).stream().filter(a -> a.at.isBefore(endOfDay)).map(a -> new AuditView(a.at, a.actor, a.action, a.subject, a.detail))
                        .toList(),
                evaluation.evaluatedOn());
    }
}
