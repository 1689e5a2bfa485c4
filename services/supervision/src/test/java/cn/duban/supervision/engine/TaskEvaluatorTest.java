package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.TaskBuilder.date;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskEvaluatorTest {

    private final TaskEvaluator evaluator = new TaskEvaluator(RuleSettings.defaults());

    @Test
    void a_task_with_no_report_and_nothing_wrong_has_not_started() {
        Evaluation evaluation = evaluator.evaluate(task("T").build(), morningOf("2022-02-01"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.evaluatedOn()).isEqualTo(date("2022-02-01"));
        assertThat(evaluation.expectedPercent()).isEqualTo(9);
    }

    @Test
    void a_reporting_task_on_plan_is_on_track() {
        Evaluation evaluation = evaluator.evaluate(task("T").reported("2022-06-20", 45).build(), morningOf("2022-06-25"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.ON_TRACK);
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(evaluation.percent()).isEqualTo(45);
        assertThat(evaluation.expectedPercent()).isEqualTo(48);
    }

    @Test
    void a_yellow_finding_puts_a_task_at_risk() {
        Evaluation evaluation = evaluator.evaluate(task("T").reported("2022-06-20", 10).build(), morningOf("2022-06-25"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.AT_RISK);
        assertThat(evaluation.light()).isEqualTo(Light.YELLOW);
        assertThat(evaluation.findings()).extracting(Finding::rule).containsExactly(RuleId.LAGGING);
    }

    @Test
    void an_overdue_task_is_overdue_and_red_with_the_gravest_findings_first() {
        TaskFacts task = task("T").deadline("2022-10-31").milestone("投产", "2022-10-31").reported("2022-10-20", 50).build();

        Evaluation evaluation = evaluator.evaluate(task, morningOf("2022-11-01"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(evaluation.light()).isEqualTo(Light.RED);
        assertThat(evaluation.findings()).extracting(Finding::rule)
                .containsExactly(RuleId.OVERDUE, RuleId.MILESTONE_OVERDUE, RuleId.LAGGING);
    }

    @Test
    void a_task_verified_as_claimed_by_its_deadline_is_completed_and_never_alerts() {
        TaskFacts task = task("T").deadline("2022-10-31").milestone("投产", "2022-10-31")
                .verified("2022-10-31", "2022-11-10").build();

        Evaluation evaluation = evaluator.evaluate(task, morningOf("2022-11-26"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.percent()).isEqualTo(100);
    }

    @Test
    void a_task_verified_after_a_late_claim_is_completed_late() {
        TaskFacts task = task("T").deadline("2022-10-31").verified("2022-11-01", "2022-11-03").build();

        Evaluation evaluation = evaluator.evaluate(task, morningOf("2022-11-05"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.COMPLETED_LATE);
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void a_pending_claim_silences_pace_reporting_and_due_soon_warnings() {
        TaskFacts task = task("T").deadline("2022-10-31").reported("2022-08-10", 10).claimed("2022-09-20").build();

        Evaluation evaluation = evaluator.evaluate(task, morningOf("2022-10-26"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.COMPLETION_CLAIMED);
        assertThat(evaluation.light()).isEqualTo(Light.GREEN);
        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.percent()).as("not verified yet, still the reported figure").isEqualTo(10);
    }

    @Test
    void a_pending_claim_keeps_missed_milestones_and_a_late_claim_keeps_overdue() {
        TaskFacts task = task("T").deadline("2022-10-31").milestone("投产", "2022-09-30").claimed("2022-11-02").build();

        Evaluation evaluation = evaluator.evaluate(task, morningOf("2022-11-03"));

        assertThat(evaluation.status()).isEqualTo(TaskStatus.COMPLETION_CLAIMED);
        assertThat(evaluation.light()).isEqualTo(Light.RED);
        assertThat(evaluation.findings()).extracting(Finding::rule)
                .containsExactly(RuleId.OVERDUE, RuleId.MILESTONE_OVERDUE);
    }

    @Test
    void a_rejected_claim_brings_the_warnings_back() {
        TaskBuilder claimedInTime = task("T").deadline("2022-10-31").reported("2022-10-20", 95).claimed("2022-10-30");
        Evaluation pending = evaluator.evaluate(claimedInTime.build(), morningOf("2022-11-02"));
        Evaluation rejected = evaluator.evaluate(claimedInTime.claimRejected().build(), morningOf("2022-11-02"));

        assertThat(pending.status()).isEqualTo(TaskStatus.COMPLETION_CLAIMED);
        assertThat(pending.findings()).isEmpty();
        assertThat(rejected.status()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(rejected.light()).isEqualTo(Light.RED);
    }

    @Test
    void a_rule_the_task_disables_does_not_run() {
        TaskFacts task = task("T").reported("2022-06-20", 10).overrides(RuleOverrides.disabling(RuleId.LAGGING)).build();

        Evaluation evaluation = evaluator.evaluate(task, morningOf("2022-06-25"));

        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.status()).isEqualTo(TaskStatus.ON_TRACK);
    }

    @Test
    void the_task_threshold_wins_over_the_county_setting() {
        RuleSettings tolerantCounty = new RuleSettings(15, 50, 25, 3, 7, 3);
        TaskFacts strictTask = task("T").reported("2022-06-20", 30).overrides(new RuleOverrides(null, null, 10, null)).build();

        assertThat(new TaskEvaluator(tolerantCounty).evaluate(strictTask, morningOf("2022-06-25")).has(RuleId.LAGGING)).isTrue();
        TaskFacts plainTask = task("T").reported("2022-06-20", 10).build();
        assertThat(new TaskEvaluator(tolerantCounty).evaluate(plainTask, morningOf("2022-06-25")).has(RuleId.LAGGING)).isFalse();
    }

    @Test
    void a_deadline_in_the_national_day_holiday_moves_to_the_next_working_day() {
        TaskEvaluator withHolidays = new TaskEvaluator(RuleSettings.defaults(), Holidays2022.labourDayAndNationalDay());
        TaskFacts task = task("T").deadline("2022-10-01").reported("2022-09-20", 80).receivedOn("2022-09-20").build();

        assertThat(withHolidays.evaluate(task, morningOf("2022-10-08")).status()).as("10.8 is a working Saturday")
                .isNotEqualTo(TaskStatus.OVERDUE);
        Evaluation dayAfter = withHolidays.evaluate(task, morningOf("2022-10-09"));
        assertThat(dayAfter.status()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(dayAfter.findings()).filteredOn(f -> f.rule() == RuleId.OVERDUE).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("2022-10-08", "1 天"));
        assertThat(evaluator.evaluate(task, morningOf("2022-10-02")).status()).as("as written").isEqualTo(TaskStatus.OVERDUE);
        assertThat(withHolidays.evaluate(task, morningOf("2022-10-01")).expectedPercent())
                .as("the plan still ends on the written deadline").isEqualTo(100);
    }

    @Test
    void a_milestone_on_a_rest_day_is_due_on_the_next_working_day() {
        TaskEvaluator withHolidays = new TaskEvaluator(RuleSettings.defaults(), Holidays2022.labourDayAndNationalDay());
        TaskFacts task = task("T").milestone("开工", "2022-04-30").build();

        assertThat(withHolidays.evaluate(task, morningOf("2022-05-05")).findings())
                .noneMatch(f -> f.rule() == RuleId.MILESTONE_OVERDUE);
        assertThat(withHolidays.evaluate(task, morningOf("2022-05-06")).findings())
                .anyMatch(f -> f.rule() == RuleId.MILESTONE_OVERDUE && f.reason().contains("2022-05-05"));
    }

    @Test
    void a_claim_made_on_the_moved_deadline_is_on_time() {
        TaskEvaluator withHolidays = new TaskEvaluator(RuleSettings.defaults(), Holidays2022.labourDayAndNationalDay());
        TaskFacts task = task("T").deadline("2022-10-01").verified("2022-10-08", "2022-10-10").build();

        assertThat(withHolidays.evaluate(task, morningOf("2022-10-11")).status()).isEqualTo(TaskStatus.COMPLETED);
    }
}
