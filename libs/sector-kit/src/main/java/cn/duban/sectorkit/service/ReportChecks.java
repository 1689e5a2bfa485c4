package cn.duban.sectorkit.service;

import cn.duban.events.progress.ProgressReported;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.platform.rest.Problem.FieldError;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.rest.Requests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rules every sector applies to a progress report, whatever its subject. */
final class ReportChecks {
    private ReportChecks() {
    }

    /** Field problems (400): what the report says cannot be right for this task. */
    static List<FieldError> check(AssignedTask task, Requests.Progress report, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (report.asOf().isAfter(today)) {
            errors.add(new FieldError("asOf", "must not be in the future (today is " + today + ")"));
        }
        Map<String, Target> targets = quantities(task);
        Set<String> seen = new HashSet<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            String metric = figures.get(i).metric();
            if (!targets.containsKey(metric)) {
                errors.add(new FieldError("figures[" + i + "].metric", "unknown metric '" + metric
                        + "' for " + task.id + "; its metrics are " + targets.keySet()
                        + (Target.INVESTMENT.equals(metric) ? " (investment goes in the investment field)" : "")));
            } else if (!seen.add(metric)) {
                errors.add(new FieldError("figures[" + i + "].metric", "'" + metric + "' is reported twice"));
            }
        }
        if (report.percent() != null && !targets.isEmpty()) {
            errors.add(new FieldError("percent", "only for tasks without quantitative targets; report figures for "
                    + targets.keySet()));
        }
        Set<String> milestones = task.milestones.stream().map(Milestone::name).collect(Collectors.toSet());
        List<String> reached = report.milestonesReached() == null ? List.of() : report.milestonesReached();
        for (int i = 0; i < reached.size(); i++) {
            if (!milestones.contains(reached.get(i))) {
                errors.add(new FieldError("milestonesReached[" + i + "]", "'" + reached.get(i)
                        + "' is not a milestone of " + task.id + (milestones.isEmpty() ? " (it has none)" : "; its milestones are " + milestones)));
            }
        }
        if (report.correctionOf() != null && (report.correctionReason() == null || report.correctionReason().isBlank())) {
            errors.add(new FieldError("correctionReason", "a correction needs a reason"));
        }
        return errors;
    }

    /** The sector's configured rules: whole-number units, and evidence for named stages and for completion. */
    static List<FieldError> configured(AssignedTask task, Requests.Progress report, SectorConfig.Rules rules) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Target> targets = quantities(task);
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            Target target = targets.get(figures.get(i).metric());
            if (target != null && rules.wholeUnits().contains(target.unit())
                    && figures.get(i).value().stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError("figures[" + i + "].value",
                        "whole " + target.unit() + " only (got " + figures.get(i).value().toPlainString() + ")"));
            }
        }
        boolean noEvidence = report.evidence() == null || report.evidence().isEmpty();
        Set<String> needEvidence = rules.evidenceFor().orElse(Set.of());
        List<String> reached = report.milestonesReached() == null ? List.of() : report.milestonesReached();
        for (int i = 0; i < reached.size(); i++) {
            if (noEvidence && needEvidence.contains(reached.get(i))) {
                errors.add(new FieldError("evidence", "reaching " + reached.get(i)
                        + " needs evidence (an acceptance document, photo or link)"));
            }
        }
        if (noEvidence && rules.evidenceOnCompletion() && Boolean.TRUE.equals(report.completed())) {
            errors.add(new FieldError("evidence", "a report marked completed needs evidence"));
        }
        return errors;
    }

    /** The figures a report must keep cumulative: none may fall below the last report's unless corrected. */
    static List<FieldError> cumulative(Requests.Progress report, ProgressReported previous) {
        if (previous == null || report.correctionOf() != null) {
            return List.of();
        }
        Map<String, BigDecimal> before = previous.figures().stream()
                .collect(Collectors.toMap(f -> f.metric(), f -> f.value(), (a, b) -> b));
        List<FieldError> errors = new ArrayList<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            BigDecimal last = before.get(figures.get(i).metric());
            if (last != null && figures.get(i).value().compareTo(last) < 0) {
                errors.add(new FieldError("figures[" + i + "].value", "figures are cumulative: " + figures.get(i).value()
                        + " is below the last reported " + last.stripTrailingZeros().toPlainString()
                        + " (report " + previous.reportId() + "); send a correction with correctionOf and correctionReason"));
            }
        }
        if (previous.investment() != null && report.investment() != null
                && report.investment().compareTo(previous.investment()) < 0) {
            errors.add(new FieldError("investment", "investment is cumulative: below the last reported "
                    + previous.investment().stripTrailingZeros().toPlainString() + "; send a correction"));
        }
        return errors;
    }

    /** Figures beyond {@code ratio} × target, which need {@code confirmed: true}. */
    static List<FieldError> farPastTarget(AssignedTask task, Requests.Progress report, BigDecimal ratio) {
        if (Boolean.TRUE.equals(report.confirmed())) {
            return List.of();
        }
        Map<String, Target> targets = quantities(task);
        List<FieldError> errors = new ArrayList<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            Target target = targets.get(figures.get(i).metric());
            if (target != null && figures.get(i).value().compareTo(target.value().multiply(ratio)) > 0) {
                errors.add(new FieldError("figures[" + i + "].value", figures.get(i).value() + " is over "
                        + ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the target "
                        + target.value().stripTrailingZeros().toPlainString() + " " + target.unit()
                        + "; resend with \"confirmed\": true if it is right"));
            }
        }
        Target investment = task.targets.stream().filter(Target::isInvestment).findFirst().orElse(null);
        if (investment != null && report.investment() != null
                && report.investment().compareTo(investment.value().multiply(ratio)) > 0) {
            errors.add(new FieldError("investment", "over " + ratio.movePointRight(2).stripTrailingZeros().toPlainString()
                    + "% of the planned " + investment.value().stripTrailingZeros().toPlainString()
                    + " 万元; resend with \"confirmed\": true if it is right"));
        }
        return errors;
    }

    /** The task's quantity targets by metric; investment is reported in its own field. */
    static Map<String, Target> quantities(AssignedTask task) {
        return task.targets.stream().filter(t -> !t.isInvestment())
                .collect(Collectors.toMap(Target::metric, Function.identity(), (a, b) -> a));
    }
}
