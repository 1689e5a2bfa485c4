package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test data: a task of 2022 running the whole year unless a test says otherwise. */
final class TaskBuilder {

    private final String taskId;
    private LocalDate plannedStart = LocalDate.of(2022, 1, 1);
    private LocalDate deadline = LocalDate.of(2022, 12, 31);
    private LocalDate originalDeadline;
    private final List<TargetFacts> targets = new ArrayList<>();
    private final List<MilestoneFacts> milestones = new ArrayList<>();
    private final List<PlanPoint> planPoints = new ArrayList<>();
    private Integer reportedPercent;
    private LocalDate lastReportOn;
    private LocalDate lastReceivedOn;
    private boolean receivedOnItsDate = true;
    private Completion completion = Completion.none();
    private RuleOverrides overrides = RuleOverrides.none();

    private TaskBuilder(String taskId) {
        this.taskId = taskId;
    }

    static TaskBuilder task(String taskId) {
        return new TaskBuilder(taskId);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    TaskBuilder plannedStart(String iso) {
        plannedStart = date(iso);
        return this;
    }

    TaskBuilder deadline(String iso) {
        deadline = date(iso);
        return this;
    }

    TaskBuilder extendedFrom(String originalIso) {
        originalDeadline = date(originalIso);
        return this;
    }

    TaskBuilder target(String metric, String unit, String value, String reported) {
        targets.add(new TargetFacts(metric, unit, new BigDecimal(value), reported == null ? null : new BigDecimal(reported)));
        return this;
    }

    /** A target judged by its type, e.g. a CEILING; {@code reported} and {@code baseline} may be null. */
    TaskBuilder target(String metric, String unit, String value, TargetType type, Strength strength, String baseline,
            String reported) {
        targets.add(new TargetFacts(metric, unit, new BigDecimal(value), type, strength,
                baseline == null ? null : new BigDecimal(baseline), reported == null ? null : new BigDecimal(reported)));
        return this;
    }

    TaskBuilder milestone(String name, String dueIso) {
        milestones.add(new MilestoneFacts(name, date(dueIso), null));
        return this;
    }

    TaskBuilder milestoneReached(String name, String dueIso, String reachedIso) {
        milestones.add(new MilestoneFacts(name, date(dueIso), date(reachedIso)));
        return this;
    }

    TaskBuilder planPoint(String dateIso, int percent) {
        planPoints.add(new PlanPoint(date(dateIso), percent));
        return this;
    }

    TaskBuilder reportedPercent(Integer percent) {
        reportedPercent = percent;
        return this;
    }

    TaskBuilder lastReportOn(String iso) {
        lastReportOn = iso == null ? null : date(iso);
        return this;
    }

    /** The office received the latest report on that day, whatever its as-of date ({@code null}: nothing received). */
    TaskBuilder receivedOn(String iso) {
        lastReceivedOn = iso == null ? null : date(iso);
        receivedOnItsDate = false;
        return this;
    }

    /** A progress report as of that date saying that percent is done (received that day unless said otherwise). */
    TaskBuilder reported(String asOfIso, int percent) {
        return lastReportOn(asOfIso).reportedPercent(percent);
    }

    TaskBuilder claimed(String claimedOnIso) {
        completion = Completion.claimed(date(claimedOnIso));
        return this;
    }

    /** The office rejected the claim: the task is back to not completed. */
    TaskBuilder claimRejected() {
        completion = Completion.none();
        return this;
    }

    TaskBuilder verified(String claimedOnIso, String verifiedOnIso) {
        completion = Completion.verified(date(claimedOnIso), date(verifiedOnIso));
        return this;
    }

    TaskBuilder overrides(RuleOverrides value) {
        overrides = value;
        return this;
    }

    TaskFacts build() {
        return new TaskFacts(taskId, plannedStart, deadline, originalDeadline, targets, milestones, planPoints,
                reportedPercent, lastReportOn, completion, overrides, receivedOnItsDate ? lastReportOn : lastReceivedOn);
    }
}
