package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything the rules need to know about one task, as the ledger and the latest progress report say.
 *
 * @param deadline         the current deadline, after approved extensions
 * @param originalDeadline the deadline in the work report, kept for the record; no rule reads it
 * @param planPoints       the task's own monthly plan, if it gave one; otherwise the plan is linear
 * @param reportedPercent  the unit's own estimate, read only when the task has no targets
 * @param lastReportOn     the as-of date of the latest progress report; {@code null} if none yet
 * @param lastReceivedOn   the day (business clock, Shanghai) the office last received a report, whatever its as-of
 *                         date: timeliness is judged by receipt; {@code null} if none received yet
 */
public record TaskFacts(
        String taskId,
        LocalDate plannedStart,
        LocalDate deadline,
        LocalDate originalDeadline,
        List<TargetFacts> targets,
        List<MilestoneFacts> milestones,
        List<PlanPoint> planPoints,
        Integer reportedPercent,
        LocalDate lastReportOn,
        Completion completion,
        RuleOverrides overrides,
        LocalDate lastReceivedOn) {

    /** A task whose reports were received on their as-of dates. */
    public TaskFacts(String taskId, LocalDate plannedStart, LocalDate deadline, LocalDate originalDeadline,
            List<TargetFacts> targets, List<MilestoneFacts> milestones, List<PlanPoint> planPoints,
            Integer reportedPercent, LocalDate lastReportOn, Completion completion, RuleOverrides overrides) {
        this(taskId, plannedStart, deadline, originalDeadline, targets, milestones, planPoints, reportedPercent,
                lastReportOn, completion, overrides, lastReportOn);
    }

    public TaskFacts {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isBefore(plannedStart)) {
            throw new IllegalArgumentException(taskId + ": deadline " + deadline + " is before its start " + plannedStart);
        }
        originalDeadline = originalDeadline == null ? deadline : originalDeadline;
        targets = targets == null ? List.of() : List.copyOf(targets);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        planPoints = planPoints == null ? List.of() : sortedByDate(planPoints);
        completion = completion == null ? Completion.none() : completion;
        overrides = overrides == null ? RuleOverrides.none() : overrides;
        requireUniqueMilestoneNames(taskId, milestones);
        requireUniquePlanDates(taskId, planPoints);
    }

    public boolean hasReported() {
        return lastReportOn != null;
    }

    private static List<PlanPoint> sortedByDate(List<PlanPoint> points) {
        return points.stream().sorted(Comparator.comparing(PlanPoint::date)).toList();
    }

    // the milestone name is part of an alert's identity, so two alike would share one alert
    private static void requireUniqueMilestoneNames(String taskId, List<MilestoneFacts> milestones) {
        var names = new HashSet<String>();
        for (MilestoneFacts milestone : milestones) {
            if (!names.add(milestone.name())) {
                throw new IllegalArgumentException(taskId + ": milestone " + milestone.name() + " appears twice");
            }
        }
    }

    private static void requireUniquePlanDates(String taskId, List<PlanPoint> sortedPoints) {
        for (int i = 1; i < sortedPoints.size(); i++) {
            if (sortedPoints.get(i).date().equals(sortedPoints.get(i - 1).date())) {
                throw new IllegalArgumentException(taskId + ": two plan points on " + sortedPoints.get(i).date());
            }
        }
    }
}
