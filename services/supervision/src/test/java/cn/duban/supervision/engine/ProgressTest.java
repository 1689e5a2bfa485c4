package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.TaskBuilder.date;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void percent_is_the_mean_of_the_targets_and_an_unreported_target_counts_zero() {
        TaskFacts farmland = task("2022-AGR-001")
                .target("高标准农田", "亩", "60000", "6000")
                .target("投资", "万元", "9000", null)
                .build();

        // (10 + 0) / 2
        assertThat(Progress.of(farmland, date("2022-09-30")).percent()).isEqualTo(5);
    }

    @Test
    void an_overfulfilled_target_does_not_make_up_for_another() {
        TaskFacts task = task("T").target("a", "座", "5", "6").target("b", "座", "5", "0").build();

        assertThat(Progress.of(task, date("2022-06-01")).percent()).isEqualTo(50);
    }

    @Test
    void a_task_without_targets_uses_the_reported_percent_or_zero() {
        assertThat(Progress.of(task("T").reportedPercent(40).build(), date("2022-06-01")).percent()).isEqualTo(40);
        assertThat(Progress.of(task("T").reportedPercent(null).build(), date("2022-06-01")).percent()).isZero();
    }

    @Test
    void a_verified_task_is_one_hundred_percent_done() {
        TaskFacts task = task("T").target("a", "座", "5", "1").verified("2022-06-01", "2022-06-03").build();

        assertThat(Progress.of(task, date("2022-06-05")).percent()).isEqualTo(100);
    }

    @Test
    void percentages_round_half_up_to_whole_numbers() {
        assertThat(Progress.of(task("T").target("a", "个", "8", "1").build(), date("2022-06-01")).percent())
                .as("12.5").isEqualTo(13);
        assertThat(Progress.of(task("T").target("a", "个", "1000", "124").build(), date("2022-06-01")).percent())
                .as("12.4").isEqualTo(12);
        TaskFacts eightDays = task("T").plannedStart("2022-01-01").deadline("2022-01-09").build();
        assertThat(Progress.of(eightDays, date("2022-01-02")).expectedPercent()).as("1/8 = 12.5").isEqualTo(13);
    }

    @Test
    void the_plan_is_linear_from_zero_on_the_start_to_one_hundred_on_the_deadline() {
        TaskFacts year = task("T").plannedStart("2022-01-01").deadline("2022-12-31").build();

        assertThat(Progress.of(year, date("2021-12-01")).expectedPercent()).isZero();
        assertThat(Progress.of(year, date("2022-01-01")).expectedPercent()).isZero();
        assertThat(Progress.of(year, date("2022-07-02")).expectedPercent()).as("182 of 364 days").isEqualTo(50);
        assertThat(Progress.of(year, date("2022-09-30")).expectedPercent()).as("272 of 364 days").isEqualTo(75);
        assertThat(Progress.of(year, date("2022-12-31")).expectedPercent()).isEqualTo(100);
        assertThat(Progress.of(year, date("2023-01-15")).expectedPercent()).isEqualTo(100);
    }

    @Test
    void an_extension_moves_the_end_of_a_linear_plan() {
        TaskFacts extended = task("T").deadline("2023-06-30").extendedFrom("2022-12-31").build();

        assertThat(Progress.of(extended, date("2022-12-31")).expectedPercent()).as("364 of 545 days").isEqualTo(67);
    }

    @Test
    void monthly_plan_points_shape_the_curve_between_start_and_deadline() {
        TaskFacts planned = task("T")
                .planPoint("2022-06-30", 60)
                .planPoint("2022-03-31", 10)
                .build();

        assertThat(Progress.of(planned, date("2022-03-31")).expectedPercent()).isEqualTo(10);
        assertThat(Progress.of(planned, date("2022-05-15")).expectedPercent()).as("10 + 50 × 45/91").isEqualTo(35);
        assertThat(Progress.of(planned, date("2022-06-30")).expectedPercent()).isEqualTo(60);
        assertThat(Progress.of(planned, date("2022-09-30")).expectedPercent()).as("60 + 40 × 92/184").isEqualTo(80);
    }

    @Test
    void a_plan_that_finishes_early_stays_at_one_hundred() {
        TaskFacts planned = task("T").planPoint("2022-10-31", 100).build();

        assertThat(Progress.of(planned, date("2022-11-15")).expectedPercent()).isEqualTo(100);
    }

    @Test
    void once_the_deadline_has_passed_everything_is_due_whatever_the_plan_said() {
        TaskFacts oneDay = task("T").plannedStart("2022-05-31").deadline("2022-05-31").build();
        TaskFacts planBeyondDeadline = task("T").deadline("2022-10-31").planPoint("2022-11-30", 90).build();

        assertThat(Progress.of(oneDay, date("2022-05-31")).expectedPercent()).isZero();
        assertThat(Progress.of(oneDay, date("2022-06-01")).expectedPercent()).isEqualTo(100);
        assertThat(Progress.of(planBeyondDeadline, date("2022-11-01")).expectedPercent()).isEqualTo(100);
    }

    @Test
    void a_deadline_before_the_start_is_refused() {
        assertThatThrownBy(() -> task("T").plannedStart("2022-06-01").deadline("2022-05-31").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before its start");
    }
}
