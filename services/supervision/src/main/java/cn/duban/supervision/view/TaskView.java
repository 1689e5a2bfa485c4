package cn.duban.supervision.view;

import cn.duban.events.progress.EvidenceFile;
import cn.duban.events.progress.Figure;
import cn.duban.events.task.Target;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.MonthlyPlan;
import cn.duban.supervision.ledger.Provenance;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The shapes of tasks on the public API (DESIGN.md "Public surface"). */
public final class TaskView {
    private TaskView() {
    }

    /**
     * A task in a listing.
     *
     * @param evaluationProblem why the task could not be evaluated (the page shows 无法评估); {@code null} normally
     */
    public record Summary(String id, String sector, String title, LocalDate deadline, TaskStatus status, Light light,
            String leadUnit, List<String> coUnits, String leader, int percent, int expectedPercent, List<String> flags,
            String evaluationProblem) {
        public static Summary of(Task t) {
            return new Summary(t.id, t.sector, t.title, t.deadline, t.status, t.light, t.leadUnit, t.coUnits, t.leader,
                    t.percent, t.expectedPercent, t.flags, t.evaluationProblem);
        }
    }

    /**
     * A task with everything the office reads on its page, as of a date. Each target carries its {@code type},
     * {@code strength} and {@code baseline} (docs/commitments.md).
     *
     * @param effectiveDeadline the deadline the rules judge: {@code deadline} moved to the next working day when it
     *                          falls on a rest day (docs/calendar.md); equal to it otherwise
     * @param plan              the monthly plan (分月计划) the rules compare against; empty: the default curve
     * @param provenance        for each of leadUnit, coUnits, leader, deadline, plannedStart and reportingCycle, where
     *                          it comes from: {@code {"source": "REPORT"|"ASSUMED"|"CONFIRMED", "quote"}}
     */
    public record Detail(String id, int year, String sector,
            @Schema(description = "指标 / 项目 / 工作: how the task is judged as a whole (docs/commitments.md)") TaskKind kind,
            String title, String text, List<String> section,
            LocalDate plannedStart, LocalDate deadline, LocalDate originalDeadline, TaskStatus status, Light light,
            String leadUnit, List<String> coUnits, String leader, List<Target> targets, List<MilestoneView> milestones,
            String reportingCycle, List<String> flags, LedgerFile.RuleOverride ruleOverrides, ProgressView progress,
            List<AlertView> alerts, List<AcknowledgementView> acknowledgements, List<AuditView> audit,
            LocalDate evaluatedOn, String evaluationProblem, LocalDate effectiveDeadline, List<MonthlyPlan.Month> plan,
            Map<String, Provenance.Field> provenance) {
    }

    /** A task's monthly plan as the office set it, and where the task stands against it now. */
    public record PlanView(String taskId, List<MonthlyPlan.Month> months, int expectedPercent, int percent) {
    }

    /** A task named in another listing (a unit's responsibilities). */
    public record Ref(String id, String title, TaskStatus status, Light light) {
        public static Ref of(Task t) {
            return new Ref(t.id, t.title, t.status, t.light);
        }
    }

    /** {@code effectiveDue}: {@code due} moved to the next working day when it falls on a rest day. */
    public record MilestoneView(String name, LocalDate due, LocalDate reachedOn, LocalDate effectiveDue) {
    }

    public record ProgressView(int percent, int expectedPercent, ReportView latest, List<ReportView> history) {
    }

    /**
     * {@code evidenceFiles}: the uploaded files among {@code evidence}, each at {@code /api/{sector}/evidence/{id}};
     * {@code receivedAt}: when the office received the report (business clock), by which its timeliness is judged.
     */
    public record ReportView(String reportId, String unit, LocalDate asOf, List<Figure> figures, BigDecimal investment,
            Integer percent, List<String> milestonesReached, String narrative, String problems, String nextSteps,
            List<String> evidence, boolean completed, OffsetDateTime reportedAt, String reportedBy,
            String correctionOf, String correctionReason, List<EvidenceFile> evidenceFiles, OffsetDateTime receivedAt) {
        public static ReportView of(ProgressReport r) {
            return new ReportView(r.reportId, r.unit, r.asOf, r.figures, r.investment, r.percent, r.milestonesReached,
                    r.narrative, r.problems, r.nextSteps, r.evidence, r.completed, r.reportedAt, r.reportedBy,
                    r.correctionOf, r.correctionReason, r.evidenceFiles == null ? List.of() : r.evidenceFiles,
                    r.receivedAt);
        }
    }

    public record AuditView(OffsetDateTime at, String actor, String action, String subject, String detail) {
    }

    public record AcknowledgementView(String unit, OffsetDateTime acknowledgedAt, String acknowledgedBy) {
    }

    /** A 催办 sent to the task's units. */
    public record ReminderView(String id, String taskId, String alertId, String message, boolean manual,
            OffsetDateTime sentAt, String sentBy) {
    }
}
