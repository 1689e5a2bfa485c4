package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.duban.supervision.engine.AlertAction.Escalate;
import cn.duban.supervision.engine.AlertAction.Raise;
import cn.duban.supervision.engine.AlertAction.Resolve;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tasks of the 2022 Pingyao County government work report, run through evaluation and alerting. */
class PingyaoLedgerCasesTest {

    private final TaskEvaluator evaluator = new TaskEvaluator(RuleSettings.defaults());
    private final AlertReconciler reconciler = new AlertReconciler(RuleSettings.defaults());

    /** 加快推进武庙保护修缮,确保5月底试运行. */
    private static TaskBuilder wumiaoRestoration() {
        return task("2022-CUL-001").deadline("2022-12-31").milestone("试运行", "2022-05-31");
    }

    /** 投资9000万元,启建6万亩高标准农田. */
    private static TaskBuilder highStandardFarmland() {
        return task("2022-AGR-001").plannedStart("2022-01-01").deadline("2022-12-31")
                .target("高标准农田", "亩", "60000", "6000")
                .target("投资", "万元", "9000", null)
                .lastReportOn("2022-09-30");
    }

    /** 煤化集团134万吨捣固焦项目 … 确保10月底前投产运行. */
    private static TaskBuilder stampChargedCoke() {
        return task("2022-IND-001").deadline("2022-10-31").milestone("投产", "2022-10-31").reported("2022-10-15", 90);
    }

    private List<AlertAction> evaluateAndReconcile(TaskFacts task, AlertBook book, Instant now) {
        List<AlertAction> actions = reconciler.reconcile(book.openAlerts(), evaluator.evaluate(task, now).findings(), now);
        book.apply(actions, now);
        return actions;
    }

    @Test
    void wumiao_trial_run_missed_on_may_31_turns_red_on_june_1() {
        Evaluation evaluation = evaluator.evaluate(wumiaoRestoration().build(), at("2022-06-01T09:00+08:00"));

        assertThat(evaluation.light()).isEqualTo(Light.RED);
        assertThat(evaluation.status()).isEqualTo(TaskStatus.AT_RISK);
        assertThat(evaluation.findings()).filteredOn(finding -> finding.rule() == RuleId.MILESTONE_OVERDUE)
                .singleElement()
                .satisfies(finding -> assertThat(finding.milestone()).isEqualTo("试运行"));
        // with no report at all the task is also 41 points behind a plan that is 151/364 through the year
        assertThat(evaluation.findings()).extracting(Finding::rule)
                .containsExactly(RuleId.MILESTONE_OVERDUE, RuleId.LAGGING);
        assertThat(evaluation.percent()).isZero();
        assertThat(evaluation.expectedPercent()).isEqualTo(41);
    }

    @Test
    void wumiao_reporting_the_trial_run_reached_resolves_the_milestone_alert() {
        AlertBook book = new AlertBook();
        List<AlertAction> morning = evaluateAndReconcile(wumiaoRestoration().build(), book, at("2022-06-01T09:00+08:00"));
        assertThat(morning).containsExactly(
                new Raise(RuleId.MILESTONE_OVERDUE, "试运行", Light.RED, "时间节点「试运行」应于 2022-05-31 完成,尚未报告完成", false),
                new Raise(RuleId.LAGGING, null, Light.YELLOW, "完成 0%,计划应完成 41%,落后 41 个百分点(超过 20)", true));
        String trialRunAlert = book.only(RuleId.MILESTONE_OVERDUE, "试运行").alertId();

        TaskFacts reached = task("2022-CUL-001").deadline("2022-12-31")
                .milestoneReached("试运行", "2022-05-31", "2022-06-01").lastReportOn("2022-06-01").build();
        Instant evening = at("2022-06-01T18:00+08:00");
        Evaluation afterReport = evaluator.evaluate(reached, evening);

        assertThat(afterReport.findings()).extracting(Finding::rule).doesNotContain(RuleId.MILESTONE_OVERDUE);
        assertThat(afterReport.light()).isEqualTo(Light.YELLOW);
        assertThat(reconciler.reconcile(book.openAlerts(), afterReport.findings(), evening))
                .containsExactly(new Resolve(trialRunAlert, Resolve.CONDITION_CLEARED));
    }

    @Test
    void wumiao_a_report_with_the_trial_run_reached_and_its_percent_clears_every_alert() {
        AlertBook book = new AlertBook();
        evaluateAndReconcile(wumiaoRestoration().build(), book, at("2022-06-01T09:00+08:00"));
        TaskFacts reported = task("2022-CUL-001").deadline("2022-12-31")
                .milestoneReached("试运行", "2022-05-31", "2022-06-01").reported("2022-06-01", 85).build();

        Evaluation evaluation = evaluator.evaluate(reported, at("2022-06-01T18:00+08:00"));
        List<AlertAction> actions = evaluateAndReconcile(reported, book, at("2022-06-01T18:00+08:00"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.ON_TRACK);
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(actions).hasSize(2).allSatisfy(action -> assertThat(action).isInstanceOf(Resolve.class));
        assertThat(book.openAlerts()).isEmpty();
    }

    @Test
    void farmland_with_6000_of_60000_mu_on_september_30_is_lagging() {
        Evaluation evaluation = evaluator.evaluate(highStandardFarmland().build(), at("2022-09-30T18:00+08:00"));

        // plan: 272 of 364 days = 74.7 → 75; done: (6000/60000 × 100 + 0 for the 9000 万元 not reported) / 2 = 5
        assertThat(evaluation.expectedPercent()).isEqualTo(75);
        assertThat(evaluation.percent()).isEqualTo(5);
        assertThat(evaluation.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(RuleId.LAGGING);
            assertThat(finding.reason()).contains("5%", "75%", "70");
        });
        assertThat(evaluation.status()).isEqualTo(TaskStatus.AT_RISK);
        assertThat(evaluation.light()).isEqualTo(Light.YELLOW);
    }

    @Test
    void farmland_counted_on_the_farmland_target_alone_is_still_lagging() {
        TaskFacts farmlandOnly = task("2022-AGR-001").target("高标准农田", "亩", "60000", "6000").lastReportOn("2022-09-30").build();

        Evaluation evaluation = evaluator.evaluate(farmlandOnly, at("2022-09-30T18:00+08:00"));

        // done: 6000/60000 = 10; 75 − 10 = 65 > 20
        assertThat(evaluation.percent()).isEqualTo(10);
        assertThat(evaluation.expectedPercent()).isEqualTo(75);
        assertThat(evaluation.has(RuleId.LAGGING)).isTrue();
    }

    @Test
    void coke_plant_is_due_soon_on_october_20() {
        Evaluation evaluation = evaluator.evaluate(stampChargedCoke().build(), morningOf("2022-10-20"));

        assertThat(evaluation.light()).isEqualTo(Light.YELLOW);
        assertThat(evaluation.status()).isEqualTo(TaskStatus.AT_RISK);
        assertThat(evaluation.findings()).extracting(Finding::rule, Finding::milestone)
                .containsExactly(tuple(RuleId.DUE_SOON, null),
                        tuple(RuleId.DUE_SOON, "投产"));
        assertThat(evaluation.findings()).allSatisfy(finding -> assertThat(finding.reason()).contains("11 天"));
    }

    @Test
    void coke_plant_is_overdue_on_november_1() {
        Evaluation evaluation = evaluator.evaluate(stampChargedCoke().build(), morningOf("2022-11-01"));

        assertThat(evaluation.light()).isEqualTo(Light.RED);
        assertThat(evaluation.status()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(evaluation.findings()).extracting(Finding::rule, Finding::milestone)
                .containsExactly(tuple(RuleId.OVERDUE, null),
                        tuple(RuleId.MILESTONE_OVERDUE, "投产"));
    }

    @Test
    void coke_plant_overdue_alert_reaches_the_leader_by_november_5_and_the_office_by_november_9() {
        TaskFacts task = stampChargedCoke().build();
        AlertBook book = new AlertBook();
        Map<LocalDate, List<AlertAction>> actionsByDay = new LinkedHashMap<>();
        for (LocalDate day = LocalDate.of(2022, 10, 20); !day.isAfter(LocalDate.of(2022, 11, 10)); day = day.plusDays(1)) {
            actionsByDay.put(day, evaluateAndReconcile(task, book, morningOf(day.toString())));
            if (day.equals(LocalDate.of(2022, 11, 5))) {
                assertThat(book.only(RuleId.OVERDUE, null).escalationLevel()).isEqualTo(2);
            }
        }
        OpenAlert overdue = book.only(RuleId.OVERDUE, null);

        assertThat(overdue.raisedAt()).isEqualTo(morningOf("2022-11-01"));
        assertThat(overdue.escalationLevel()).isEqualTo(3);
        assertThat(actionsByDay.get(LocalDate.of(2022, 11, 1)))
                .filteredOn(action -> action instanceof Resolve).as("both DUE_SOON alerts").hasSize(2);
        assertThat(escalationsOf(overdue.alertId(), actionsByDay)).containsExactly(
                Map.entry(LocalDate.of(2022, 11, 4), new Escalate(overdue.alertId(), 2, false)),
                Map.entry(LocalDate.of(2022, 11, 8), new Escalate(overdue.alertId(), 3, false)));
    }

    @Test
    void coke_plant_claimed_on_october_30_and_pending_on_november_1_is_not_overdue() {
        Evaluation claimed = evaluator.evaluate(stampChargedCoke().claimed("2022-10-30").build(), morningOf("2022-11-01"));

        assertThat(claimed.has(RuleId.OVERDUE)).isFalse();
        assertThat(claimed.status()).isEqualTo(TaskStatus.COMPLETION_CLAIMED);
        // the claim does not say 投产 was reached, so that step still shows as missed
        assertThat(claimed.findings()).extracting(Finding::rule).containsExactly(RuleId.MILESTONE_OVERDUE);

        TaskFacts claimedWithProduction = task("2022-IND-001").deadline("2022-10-31")
                .milestoneReached("投产", "2022-10-31", "2022-10-28").reported("2022-10-30", 100)
                .claimed("2022-10-30").build();
        Evaluation complete = evaluator.evaluate(claimedWithProduction, morningOf("2022-11-01"));
        assertThat(complete.findings()).isEmpty();
        assertThat(complete.light()).isEqualTo(Light.GREEN);
    }

    @Test
    void re_evaluating_raises_nothing_new_the_second_time() {
        TaskFacts task = stampChargedCoke().build();
        AlertBook book = new AlertBook();
        Instant now = morningOf("2022-11-01");
        List<AlertAction> first = evaluateAndReconcile(task, book, now);

        List<AlertAction> second = evaluateAndReconcile(task, book, now);
        List<AlertAction> laterThatDay = evaluateAndReconcile(task, book, at("2022-11-01T23:59+08:00"));

        assertThat(first).filteredOn(action -> action instanceof Raise).hasSize(2);
        assertThat(second).isEmpty();
        assertThat(laterThatDay).isEmpty();
    }

    private static List<Map.Entry<LocalDate, AlertAction>> escalationsOf(String alertId, Map<LocalDate, List<AlertAction>> byDay) {
        return byDay.entrySet().stream()
                .flatMap(day -> day.getValue().stream()
                        .filter(action -> action instanceof Escalate escalate && escalate.alertId().equals(alertId))
                        .map(action -> Map.entry(day.getKey(), action)))
                .toList();
    }
}
