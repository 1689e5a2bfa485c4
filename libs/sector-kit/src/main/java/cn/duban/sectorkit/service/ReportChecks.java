package cn.duban.sectorkit.service;

import cn.duban.events.Quantities;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.platform.rest.BadField;
import cn.duban.text.Text;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
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

    /**
     * Numbers outside {@link Quantities}' bounds (400), checked before anything else looks at them: a figure of
     * {@code 1e1000} must never be stored, compared with a target or sent on.
     */
    static List<BadField> bounds(Requests.Progress report) {
        List<BadField> errors = new ArrayList<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            bounded("figures[" + i + "].value", figures.get(i).value(), errors);
        }
        bounded("investment", report.investment(), errors);
        return errors;
    }

    private static void bounded(String field, BigDecimal value, List<BadField> errors) {
        Quantities.problem(value).ifPresent(p -> errors.add(new BadField(field, new Text(p.zh(), p.en()))));
    }

    /** Field problems (400): what the report says cannot be right for this task. */
    static List<BadField> check(AssignedTask task, Requests.Progress report, LocalDate today) {
        List<BadField> errors = new ArrayList<>();
        if (report.asOf().isAfter(today)) {
            errors.add(BadField.of("asOf", "不能晚于今天(今天是 %s)", "must not be in the future (today is %s)", today));
        }
        Map<String, Target> targets = quantities(task);
        Set<String> seen = new HashSet<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            String metric = figures.get(i).metric();
            if (!targets.containsKey(metric)) {
                errors.add(BadField.of("figures[" + i + "].metric", "任务 %s 没有指标「%s」,它的指标是 %s%s",
                        "unknown metric '%2$s' for %1$s; its metrics are %3$s%4$s", task.id, metric, targets.keySet(),
                        Target.INVESTMENT.equals(metric) ? Text.of("(投资额请填在 investment 字段)",
                                " (investment goes in the investment field)") : ""));
            } else if (!seen.add(metric)) {
                errors.add(BadField.of("figures[" + i + "].metric", "「%s」填报了两次", "'%s' is reported twice", metric));
            }
        }
        if (report.percent() != null && !targets.isEmpty()) {
            errors.add(BadField.of("percent", "完成百分比只用于没有量化目标的任务；请填报 %s 的数值",
                    "only for tasks without quantitative targets; report figures for %s", targets.keySet()));
        }
        Set<String> milestones = task.milestones.stream().map(Milestone::name).collect(Collectors.toSet());
        List<String> reached = report.milestonesReached() == null ? List.of() : report.milestonesReached();
        for (int i = 0; i < reached.size(); i++) {
            if (!milestones.contains(reached.get(i))) {
                errors.add(BadField.of("milestonesReached[" + i + "]", "「%s」不是任务 %s 的时间节点%s",
                        "'%s' is not a milestone of %s%s", reached.get(i), task.id, milestones.isEmpty()
                                ? Text.of("(该任务没有时间节点)", " (it has none)")
                                : Text.of(",它的时间节点是 %s", "; its milestones are %s", milestones)));
            }
        }
        if (report.correctionOf() != null && (report.correctionReason() == null || report.correctionReason().isBlank())) {
            errors.add(BadField.of("correctionReason", "更正需要说明理由", "a correction needs a reason"));
        }
        return errors;
    }

    /** The sector's configured rules: whole-number units, and evidence for named stages and for completion. */
    static List<BadField> configured(AssignedTask task, Requests.Progress report, SectorConfig.Rules rules) {
        List<BadField> errors = new ArrayList<>();
        Map<String, Target> targets = quantities(task);
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            Target target = targets.get(figures.get(i).metric());
            if (target != null && rules.wholeUnits().contains(target.unit())
                    && figures.get(i).value().stripTrailingZeros().scale() > 0) {
                errors.add(BadField.of("figures[" + i + "].value", "只能填整数%s(收到 %s)",
                        "whole %s only (got %s)", target.unit(), figures.get(i).value().toPlainString()));
            }
        }
        boolean noEvidence = report.evidence() == null || report.evidence().isEmpty();
        Set<String> needEvidence = rules.evidenceFor().orElse(Set.of());
        List<String> reached = report.milestonesReached() == null ? List.of() : report.milestonesReached();
        for (int i = 0; i < reached.size(); i++) {
            if (noEvidence && needEvidence.contains(reached.get(i))) {
                errors.add(BadField.of("evidence", "报告「%s」完成需要佐证材料:请上传验收文件或现场照片",
                        "reaching %s needs evidence: upload an acceptance document or a photo", reached.get(i)));
            }
        }
        if (noEvidence && rules.evidenceOnCompletion() && Boolean.TRUE.equals(report.completed())) {
            errors.add(BadField.of("evidence", "标为已完成的报告需要佐证材料:请上传验收文件或现场照片",
                    "a report marked completed needs evidence: upload an acceptance document or a photo"));
        }
        return errors;
    }

    /** The figures a report must keep cumulative: none may fall below the last report's unless corrected. */
    static List<BadField> cumulative(Requests.Progress report, ProgressReported previous) {
        if (previous == null || report.correctionOf() != null) {
            return List.of();
        }
        Map<String, BigDecimal> before = previous.figures().stream()
                .collect(Collectors.toMap(f -> f.metric(), f -> f.value(), (a, b) -> b));
        List<BadField> errors = new ArrayList<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            BigDecimal last = before.get(figures.get(i).metric());
            if (last != null && figures.get(i).value().compareTo(last) < 0) {
                errors.add(BadField.of("figures[" + i + "].value",
                        "数值是累计数:%s 低于上次填报的 %s(报告 %s)；如需改正,请用 correctionOf 和 correctionReason 提交更正",
                        "figures are cumulative: %s is below the last reported %s (report %s); send a correction with "
                                + "correctionOf and correctionReason",
                        figures.get(i).value().toPlainString(), last.stripTrailingZeros().toPlainString(), previous.reportId()));
            }
        }
        if (previous.investment() != null && report.investment() != null
                && report.investment().compareTo(previous.investment()) < 0) {
            errors.add(BadField.of("investment", "投资额是累计数:低于上次填报的 %s 万元；如需改正,请提交更正",
                    "investment is cumulative: below the last reported %s; send a correction",
                    previous.investment().stripTrailingZeros().toPlainString()));
        }
        return errors;
    }

    /** Figures beyond {@code ratio} × target, which need {@code confirmed: true}. */
    static List<BadField> farPastTarget(AssignedTask task, Requests.Progress report, BigDecimal ratio) {
        if (Boolean.TRUE.equals(report.confirmed())) {
            return List.of();
        }
        Map<String, Target> targets = quantities(task);
        List<BadField> errors = new ArrayList<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            Target target = targets.get(figures.get(i).metric());
            if (target != null && figures.get(i).value().compareTo(target.value().multiply(ratio)) > 0) {
                errors.add(BadField.of("figures[" + i + "].value",
                        "%s 超过目标 %s %s 的 %s%%；如确认无误,请加上 \"confirmed\": true 重新提交",
                        "%1$s is over %4$s%% of the target %2$s %3$s; resend with \"confirmed\": true if it is right",
                        figures.get(i).value().toPlainString(), target.value().stripTrailingZeros().toPlainString(),
                        target.unit(), ratio.movePointRight(2).stripTrailingZeros().toPlainString()));
            }
        }
        Target investment = task.targets.stream().filter(Target::isInvestment).findFirst().orElse(null);
        if (investment != null && report.investment() != null
                && report.investment().compareTo(investment.value().multiply(ratio)) > 0) {
            errors.add(BadField.of("investment", "超过计划投资 %s 万元的 %s%%；如确认无误,请加上 \"confirmed\": true 重新提交",
                    "over %2$s%% of the planned %1$s 万元; resend with \"confirmed\": true if it is right",
                    investment.value().stripTrailingZeros().toPlainString(),
                    ratio.movePointRight(2).stripTrailingZeros().toPlainString()));
        }
        return errors;
    }

    /** The task's quantity targets by metric; investment is reported in its own field. */
    static Map<String, Target> quantities(AssignedTask task) {
        return task.targets.stream().filter(t -> !t.isInvestment())
                .collect(Collectors.toMap(Target::metric, Function.identity(), (a, b) -> a));
    }
}
