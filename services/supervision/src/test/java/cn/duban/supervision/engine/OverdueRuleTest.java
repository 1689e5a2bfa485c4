package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.RuleTesting.findings;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverdueRuleTest {

    private final OverdueRule rule = new OverdueRule();

    private static TaskBuilder dueOct31() {
        return task("T").deadline("2022-10-31");
    }

    @Test
    void the_day_before_and_the_day_of_the_deadline_are_not_overdue() {
        assertThat(findings(rule, dueOct31().build(), morningOf("2022-10-30"))).isEmpty();
        assertThat(findings(rule, dueOct31().build(), at("2022-10-31T23:59+08:00"))).isEmpty();
    }

    @Test
    void the_day_after_the_deadline_is_overdue() {
        assertThat(findings(rule, dueOct31().build(), at("2022-11-01T00:00+08:00")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(RuleId.OVERDUE);
                    assertThat(finding.milestone()).isNull();
                    assertThat(finding.light()).isEqualTo(Light.RED);
                    assertThat(finding.reason()).contains("2022-10-31", "1 天");
                });
    }

    @Test
    void the_deadline_ends_at_midnight_in_shanghai_not_utc() {
        assertThat(findings(rule, dueOct31().build(), at("2022-10-31T16:00Z"))).hasSize(1);
        assertThat(findings(rule, dueOct31().build(), at("2022-10-31T15:59Z"))).isEmpty();
    }

    @Test
    void a_pending_claim_made_by_the_deadline_holds_overdue_off() {
        assertThat(findings(rule, dueOct31().claimed("2022-10-30").build(), morningOf("2022-11-01"))).isEmpty();
        assertThat(findings(rule, dueOct31().claimed("2022-10-31").build(), morningOf("2022-11-20"))).isEmpty();
    }

    @Test
    void a_claim_made_after_the_deadline_does_not() {
        assertThat(findings(rule, dueOct31().claimed("2022-11-01").build(), morningOf("2022-11-02"))).hasSize(1);
    }

    @Test
    void an_approved_extension_moves_the_deadline() {
        TaskFacts extended = dueOct31().deadline("2022-12-31").extendedFrom("2022-10-31").build();

        assertThat(findings(rule, extended, morningOf("2022-11-01"))).isEmpty();
        assertThat(findings(rule, extended, morningOf("2023-01-01"))).hasSize(1);
    }
}
