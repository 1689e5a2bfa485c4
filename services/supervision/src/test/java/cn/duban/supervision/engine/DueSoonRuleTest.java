package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.RuleTesting.findings;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DueSoonRuleTest {

    private final DueSoonRule rule = new DueSoonRule();
    private final TaskFacts dueOct31 = task("T").deadline("2022-10-31").reported("2022-10-10", 90).build();

    @Test
    void sixteen_days_before_the_deadline_is_not_yet_soon() {
        assertThat(findings(rule, dueOct31, morningOf("2022-10-15"))).isEmpty();
    }

    @Test
    void fifteen_days_before_the_deadline_is_soon() {
        assertThat(findings(rule, dueOct31, morningOf("2022-10-16")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(RuleId.DUE_SOON);
                    assertThat(finding.milestone()).isNull();
                    assertThat(finding.light()).isEqualTo(Light.YELLOW);
                    assertThat(finding.reason()).contains("2022-10-31", "15 天");
                });
    }

    @Test
    void the_deadline_itself_is_still_soon_until_it_ends() {
        assertThat(findings(rule, dueOct31, at("2022-10-31T23:59+08:00"))).hasSize(1);
    }

    @Test
    void the_day_after_the_deadline_is_no_longer_soon_but_overdue() {
        assertThat(findings(rule, dueOct31, at("2022-11-01T00:00+08:00"))).isEmpty();
    }

    @Test
    void the_window_opens_at_midnight_in_shanghai() {
        assertThat(findings(rule, dueOct31, at("2022-10-15T23:59+08:00"))).isEmpty();
        assertThat(findings(rule, dueOct31, at("2022-10-15T16:00Z"))).as("00:00 on 10-16 in Shanghai").hasSize(1);
    }

    @Test
    void a_milestone_due_soon_gets_its_own_finding() {
        TaskFacts task = task("T").milestone("投产", "2022-07-10").reported("2022-06-20", 50).build();

        assertThat(findings(rule, task, morningOf("2022-06-24"))).isEmpty();
        assertThat(findings(rule, task, morningOf("2022-06-25")))
                .singleElement()
                .satisfies(finding -> assertThat(finding.milestone()).isEqualTo("投产"));
    }

    @Test
    void a_milestone_already_reached_is_not_due() {
        TaskFacts task = task("T").milestoneReached("投产", "2022-07-10", "2022-06-30").build();

        assertThat(findings(rule, task, morningOf("2022-07-01"))).isEmpty();
    }

    @Test
    void a_task_can_narrow_its_own_window() {
        TaskFacts task = task("T").deadline("2022-10-31")
                .overrides(new RuleOverrides(null, 5, null, null))
                .build();

        assertThat(findings(rule, task, morningOf("2022-10-25"))).isEmpty();
        assertThat(findings(rule, task, morningOf("2022-10-26"))).hasSize(1);
    }
}
