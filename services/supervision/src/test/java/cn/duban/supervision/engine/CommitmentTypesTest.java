package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Each target type judged its own way (docs/commitments.md), on tasks of the 2022 Pingyao ledger; the worked examples
 * of that page are these tests.
 */
class CommitmentTypesTest {

    private final TaskEvaluator evaluator = new TaskEvaluator(RuleSettings.defaults());

    /** 城镇登记失业率控制在4.5%以内 (2021: 3.81%). */
    private static TaskBuilder unemployment(String reported) {
        return task("2022-LIV-018").target("城镇登记失业率", "%", "4.5", TargetType.CEILING, Strength.MUST, "3.81", reported)
                .lastReportOn("2022-06-20");
    }

    /** 地区生产总值完成138亿元,同比增长8% (2021: 132.2亿元), the growth alone. */
    private static TaskBuilder gdpGrowth(String reportedRate) {
        return task("2022-REF-001").target("增长率", "%", "8", TargetType.GROWTH, Strength.MUST, "132.2", reportedRate)
                .lastReportOn(reportedRate == null ? null : "2022-06-20");
    }

    /** 支持总投资5.3亿元的龙海公司5个肉鸡标准化养殖: the 5 farms are the project's scope, 5.3亿 its total. */
    private static TaskBuilder longhaiBroilers(String invested, Integer percent) {
        return task("2022-AGR-008").target("肉鸡标准化养殖场", "个", "5", TargetType.SCOPE, Strength.MUST, null, null)
                .target("投资", "万元", "53000", TargetType.PROJECT_TOTAL, Strength.MUST, null, invested)
                .reported("2022-06-20", percent);
    }

    /** 对投资31亿元的煤化集团134万吨捣固焦项目…确保10月底前投产运行. */
    private static TaskBuilder stampChargedCoke() {
        return task("2022-IND-010").target("产能", "万吨", "134", TargetType.SCOPE, Strength.MUST, null, "0")
                .target("投资", "万元", "310000", TargetType.PROJECT_TOTAL, Strength.MUST, null, null)
                .lastReportOn("2022-06-20");
    }

    @Test
    void a_ceiling_reported_under_its_limit_is_met_and_raises_nothing() {
        Evaluation evaluation = evaluator.evaluate(unemployment("3.8").build(), morningOf("2022-06-30"));

        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(evaluation.percent()).isEqualTo(100);
        assertThat(evaluation.expectedPercent()).isEqualTo(100);
    }

    @Test
    void a_ceiling_reported_over_its_limit_is_red_from_the_day_it_is_reported() {
        Evaluation evaluation = evaluator.evaluate(unemployment("5.0").build(), morningOf("2022-02-10"));

        assertThat(evaluation.light()).isEqualTo(Light.RED);
        assertThat(evaluation.percent()).isZero();
        assertThat(evaluation.findings()).extracting(Finding::rule).contains(RuleId.CEILING_EXCEEDED);
        assertThat(evaluation.findings()).filteredOn(f -> f.rule() == RuleId.CEILING_EXCEEDED).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("城镇登记失业率 报告 5%,超过上限 4.5%"));
    }

    @Test
    void a_ceiling_exactly_at_its_limit_is_met() {
        TargetFacts atLimit = unemployment("4.5").build().targets().get(0);

        assertThat(atLimit.isMet()).contains(true);
        assertThat(atLimit.isOverLimit()).isFalse();
    }

    @Test
    void a_growth_rate_at_or_above_its_target_is_on_track_on_any_date() {
        for (String date : new String[] {"2022-03-31", "2022-06-30", "2022-11-30"}) {
            Evaluation evaluation = evaluator.evaluate(gdpGrowth("8.0").lastReportOn(date).build(), morningOf(date));
            assertThat(evaluation.findings()).as(date).isEmpty();
            assertThat(evaluation.percent()).as(date).isEqualTo(100);
        }
        assertThat(evaluator.evaluate(gdpGrowth("8.2").build(), morningOf("2022-06-30")).percent()).isEqualTo(100);
    }

    @Test
    void a_growth_rate_well_below_its_target_lags_even_early_in_the_year() {
        Evaluation evaluation = evaluator.evaluate(gdpGrowth("6.0").build(), morningOf("2022-03-31"));

        assertThat(evaluation.percent()).isEqualTo(75);
        assertThat(evaluation.expectedPercent()).isEqualTo(100);
        assertThat(evaluation.findings()).extracting(Finding::rule).containsExactly(RuleId.LAGGING);
    }

    @Test
    void a_growth_rate_not_yet_reported_neither_counts_nor_lags() {
        Evaluation evaluation = evaluator.evaluate(gdpGrowth(null).build(), morningOf("2022-01-20"));

        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void a_limit_or_rate_with_no_figure_by_midyear_is_not_lagging_only_unreported() {
        Evaluation ceiling = evaluator.evaluate(unemployment(null).build(), morningOf("2022-06-30"));
        assertThat(ceiling.findings()).isEmpty(); // its last report (06-20) gave no rate yet
        assertThat(ceiling.percent()).isZero();
        assertThat(ceiling.expectedPercent()).isZero();

        Evaluation growth = evaluator.evaluate(gdpGrowth(null).build(), morningOf("2022-06-30"));
        assertThat(growth.findings()).extracting(Finding::rule).containsExactly(RuleId.STALE_REPORT);
    }

    @Test
    void an_indicator_mixes_its_amount_on_the_curve_with_its_rate_held_all_year() {
        TaskFacts gdp = task("2022-REF-001").target("地区生产总值", "亿元", "138", "69")
                .target("增长率", "%", "8", TargetType.GROWTH, Strength.MUST, "132.2", "8.1")
                .lastReportOn("2022-06-20").build();

        Evaluation evaluation = evaluator.evaluate(gdp, morningOf("2022-06-30"));

        assertThat(evaluation.percent()).isEqualTo(75); // (50 + 100) / 2
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void a_project_total_never_makes_a_task_lag() {
        Evaluation evaluation = evaluator.evaluate(longhaiBroilers("5000", 50).build(), morningOf("2022-06-30"));

        // judged as 5000 of 53000 it would be 9 % done, 40 points behind
        assertThat(evaluation.percent()).isEqualTo(50);
        assertThat(evaluation.findings()).isEmpty();
        assertThat(new TargetFacts("投资", "万元", new BigDecimal("53000"), TargetType.PROJECT_TOTAL, Strength.MUST, null,
                new BigDecimal("53000")).isMet()).isEmpty();
    }

    @Test
    void a_scope_plans_nothing_before_its_milestone_is_due() {
        TaskFacts coke = stampChargedCoke().milestone("投产", "2022-10-31").build();

        Evaluation evaluation = evaluator.evaluate(coke, morningOf("2022-06-30"));

        assertThat(evaluation.percent()).isZero();
        assertThat(evaluation.expectedPercent()).isZero();
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void a_scope_on_its_milestones_due_day_is_due_not_behind() {
        // 峰岩集团…生产线6月底前投产, seen on 30 June: the day is not over
        TaskFacts line = stampChargedCoke().milestone("投产", "2022-06-30").deadline("2022-06-30").build();

        Evaluation evaluation = evaluator.evaluate(line, morningOf("2022-06-30"));

        assertThat(evaluation.expectedPercent()).isZero();
        assertThat(evaluation.findings()).extracting(Finding::rule).containsOnly(RuleId.DUE_SOON);
    }

    @Test
    void a_scope_is_done_when_its_milestones_are_reached() {
        TaskFacts coke = stampChargedCoke().milestoneReached("投产", "2022-10-31", "2022-10-20").build();

        Evaluation evaluation = evaluator.evaluate(coke, morningOf("2022-10-25"));

        assertThat(evaluation.percent()).isEqualTo(100);
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void a_scope_whose_milestone_passed_unreached_is_red_and_lagging() {
        TaskFacts coke = stampChargedCoke().milestone("投产", "2022-10-31").build();

        Evaluation evaluation = evaluator.evaluate(coke, morningOf("2022-11-01"));

        assertThat(evaluation.light()).isEqualTo(Light.RED);
        assertThat(evaluation.expectedPercent()).isEqualTo(100);
        assertThat(evaluation.findings()).extracting(Finding::rule)
                .contains(RuleId.MILESTONE_OVERDUE, RuleId.LAGGING);
    }

    @Test
    void an_amount_follows_the_straight_line_from_start_to_deadline() {
        // 投资9000万元,启建6万亩高标准农田: on 30 June the plan is 180 days of 364 through the year, 49 %
        TaskFacts enough = task("2022-AGR-003").target("高标准农田", "亩", "60000", "18000")
                .target("投资", "万元", "9000", "2700").lastReportOn("2022-06-20").build();
        TaskFacts tooLittle = task("2022-AGR-003").target("高标准农田", "亩", "60000", "12000")
                .target("投资", "万元", "9000", "2000").lastReportOn("2022-06-20").build();

        Evaluation onTrack = evaluator.evaluate(enough, morningOf("2022-06-30"));
        Evaluation behind = evaluator.evaluate(tooLittle, morningOf("2022-06-30"));

        assertThat(onTrack.percent()).isEqualTo(30);
        assertThat(onTrack.expectedPercent()).isEqualTo(49);
        assertThat(onTrack.findings()).isEmpty();
        assertThat(behind.percent()).isEqualTo(21); // (20 + 22.2) / 2
        assertThat(behind.findings()).extracting(Finding::rule).containsExactly(RuleId.LAGGING);
    }

    @Test
    void continuing_work_counts_from_its_baseline_not_from_zero() {
        TargetFacts amount = new TargetFacts("道路", "公里", new BigDecimal("100"), TargetType.AMOUNT, Strength.MUST,
                new BigDecimal("40"), new BigDecimal("90"));
        TargetFacts level = new TargetFacts("环保绩效B级重点企业占比", "%", new BigDecimal("50"), TargetType.LEVEL,
                Strength.MUST, new BigDecimal("20"), new BigDecimal("30"));

        assertThat(amount.completionPercent()).isEqualByComparingTo("50");
        assertThat(amount.isMet()).contains(false);
        assertThat(TargetType.AMOUNT.plannedValue(amount, new BigDecimal("0.5"))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("90"));
        assertThat(level.completionPercent().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("33.33");
        assertThat(TargetType.LEVEL.plannedValue(level, new BigDecimal("0.5"))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("35"));
    }

    @Test
    void a_level_without_baseline_is_reached_from_zero_and_met_at_or_above_it() {
        TargetFacts level = new TargetFacts("环保绩效B级重点企业占比", "%", new BigDecimal("50"), TargetType.LEVEL,
                Strength.MUST, null, new BigDecimal("30"));
        TargetFacts over = new TargetFacts("项目开工率", "%", new BigDecimal("55"), TargetType.LEVEL, Strength.STRIVE, null,
                new BigDecimal("60"));

        assertThat(level.completionPercent()).isEqualByComparingTo("60");
        assertThat(level.isMet()).contains(false);
        assertThat(over.completionPercent()).isEqualByComparingTo("100");
        assertThat(over.isMet()).contains(true);
    }

    @Test
    void a_level_held_without_baseline_does_not_lag_before_its_first_figure() {
        // 严守76万亩耕地红线: where the farmland stood is not in the report; nothing reported by 30 June is not lagging
        TaskFacts redLine = task("2022-AGR-002").target("耕地保有量", "亩", "760000", TargetType.LEVEL, Strength.MUST, null,
                null).lastReportOn("2022-06-20").build();

        Evaluation evaluation = evaluator.evaluate(redLine, morningOf("2022-06-30"));

        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluator.evaluate(task("2022-AGR-002").target("耕地保有量", "亩", "760000", TargetType.LEVEL,
                Strength.MUST, null, "760000").lastReportOn("2022-06-20").build(), morningOf("2022-06-30")).percent())
                .isEqualTo(100);
    }

    @Test
    void words_of_an_office_name_the_types_kinds_and_strengths() {
        assertThat(TargetType.named("上限")).contains(TargetType.CEILING);
        assertThat(TargetType.named("growth")).contains(TargetType.GROWTH);
        assertThat(TargetType.named("天花板")).isEmpty();
        assertThat(Strength.named("务必")).contains(Strength.MUST);
        assertThat(Strength.named("争取")).contains(Strength.STRIVE);
        assertThat(TaskKind.named("项目")).contains(TaskKind.PROJECT);
    }

    @Test
    void a_task_strives_only_when_every_target_strives() {
        assertThat(Strength.ofTask(java.util.List.of(Strength.STRIVE, Strength.STRIVE))).isEqualTo(Strength.STRIVE);
        assertThat(Strength.ofTask(java.util.List.of(Strength.STRIVE, Strength.MUST))).isEqualTo(Strength.MUST);
        assertThat(Strength.ofTask(java.util.List.of())).isEqualTo(Strength.MUST);
    }

    @Test
    void an_old_ledger_implies_a_kind_from_flags_and_targets() {
        assertThat(TaskKind.implied(java.util.List.of("经济指标"), java.util.List.of(), false)).isEqualTo(TaskKind.INDICATOR);
        assertThat(TaskKind.implied(java.util.List.of(), java.util.List.of(TargetType.AMOUNT), true))
                .isEqualTo(TaskKind.PROJECT);
        assertThat(TaskKind.implied(java.util.List.of(), java.util.List.of(TargetType.AMOUNT), false))
                .isEqualTo(TaskKind.WORK);
    }
}
