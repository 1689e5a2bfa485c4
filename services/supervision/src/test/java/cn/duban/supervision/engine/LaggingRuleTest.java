package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.RuleTesting.findings;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan of a task running through 2022 (364 days) is 50 on 07-02 and 07-03, 51 on 07-04. */
class LaggingRuleTest {

    private final LaggingRule rule = new LaggingRule();

    @Test
    void twenty_points_behind_is_not_yet_lagging() {
        TaskFacts task = task("T").reported("2022-06-30", 30).build();

        assertThat(findings(rule, task, morningOf("2022-07-03"))).as("50 − 30").isEmpty();
    }

    @Test
    void the_day_the_plan_gets_twenty_one_points_ahead_it_is_lagging() {
        TaskFacts task = task("T").reported("2022-06-30", 30).build();

        assertThat(findings(rule, task, morningOf("2022-07-04")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(RuleId.LAGGING);
                    assertThat(finding.light()).isEqualTo(Light.YELLOW);
                    assertThat(finding.reason()).contains("30%", "51%", "21");
                });
    }

    @Test
    void ahead_of_plan_is_not_lagging() {
        assertThat(findings(rule, task("T").reported("2022-06-30", 80).build(), morningOf("2022-07-04"))).isEmpty();
    }

    @Test
    void a_task_that_never_reported_counts_as_nothing_done() {
        assertThat(findings(rule, task("T").build(), morningOf("2022-04-01"))).as("plan 25, done 0").hasSize(1);
        assertThat(findings(rule, task("T").build(), morningOf("2022-03-15"))).as("plan 20, done 0").isEmpty();
    }

    @Test
    void a_task_can_set_its_own_tolerance() {
        TaskFacts strict = task("T").reported("2022-06-30", 40).overrides(new RuleOverrides(null, null, 10, null)).build();
        TaskFacts tolerant = task("T").reported("2022-06-30", 20).overrides(new RuleOverrides(null, null, 30, null)).build();

        assertThat(findings(rule, strict, morningOf("2022-07-03"))).as("10 behind, tolerance 10").isEmpty();
        assertThat(findings(rule, strict, morningOf("2022-07-04"))).as("11 behind, tolerance 10").hasSize(1);
        assertThat(findings(rule, tolerant, morningOf("2022-07-04"))).as("31 behind, tolerance 30").hasSize(1);
        assertThat(findings(rule, tolerant, morningOf("2022-07-03"))).as("30 behind, tolerance 30").isEmpty();
    }
}
