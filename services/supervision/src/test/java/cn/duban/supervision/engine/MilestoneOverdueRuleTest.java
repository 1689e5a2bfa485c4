package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.RuleTesting.findings;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MilestoneOverdueRuleTest {

    private final MilestoneOverdueRule rule = new MilestoneOverdueRule();
    private final TaskFacts trialRunByMay31 = task("T").milestone("试运行", "2022-05-31").build();

    @Test
    void the_day_before_the_milestone_is_not_overdue() {
        assertThat(findings(rule, trialRunByMay31, morningOf("2022-05-30"))).isEmpty();
    }

    @Test
    void the_last_minute_of_the_due_day_is_not_overdue() {
        assertThat(findings(rule, trialRunByMay31, at("2022-05-31T23:59+08:00"))).isEmpty();
        assertThat(findings(rule, trialRunByMay31, at("2022-05-31T15:59Z"))).isEmpty();
    }

    @Test
    void midnight_after_the_due_day_is_overdue() {
        assertThat(findings(rule, trialRunByMay31, at("2022-06-01T00:00+08:00")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(RuleId.MILESTONE_OVERDUE);
                    assertThat(finding.milestone()).isEqualTo("试运行");
                    assertThat(finding.light()).isEqualTo(Light.RED);
                    assertThat(finding.reason()).contains("试运行", "2022-05-31");
                });
    }

    @Test
    void half_past_four_utc_on_the_due_day_is_already_the_next_day_in_shanghai() {
        assertThat(findings(rule, trialRunByMay31, at("2022-05-31T16:30Z"))).hasSize(1);
    }

    @Test
    void a_reached_milestone_is_never_overdue_even_if_reached_late() {
        TaskFacts reachedLate = task("T").milestoneReached("试运行", "2022-05-31", "2022-06-01").build();

        assertThat(findings(rule, reachedLate, morningOf("2022-06-02"))).isEmpty();
    }

    @Test
    void each_missed_milestone_is_its_own_finding() {
        TaskFacts task = task("T")
                .milestone("开工", "2022-03-31")
                .milestoneReached("主体完工", "2022-06-30", "2022-06-28")
                .milestone("投产", "2022-10-31")
                .milestone("验收", "2022-12-31")
                .build();

        assertThat(findings(rule, task, morningOf("2022-11-01")))
                .extracting(Finding::milestone)
                .containsExactly("开工", "投产");
    }
}
