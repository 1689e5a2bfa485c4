package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.RuleTesting.findings;
import static cn.duban.supervision.engine.TaskBuilder.date;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaleReportRuleTest {

    private final StaleReportRule rule = new StaleReportRule();
    private final TaskFacts lastReportedInAugust = task("T").reported("2022-08-20", 60).build();

    @Test
    void on_the_due_day_the_report_is_not_late_yet() {
        assertThat(findings(rule, lastReportedInAugust, at("2022-09-25T23:59+08:00"))).isEmpty();
    }

    @Test
    void the_day_after_the_due_day_without_a_report_this_month_is_stale() {
        assertThat(findings(rule, lastReportedInAugust, morningOf("2022-09-26")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(RuleId.STALE_REPORT);
                    assertThat(finding.light()).isEqualTo(Light.YELLOW);
                    assertThat(finding.reason()).contains("2022-09", "25", "2022-08-20");
                });
    }

    @Test
    void the_due_day_ends_at_midnight_in_shanghai() {
        assertThat(findings(rule, lastReportedInAugust, at("2022-09-25T16:00Z"))).as("00:00 on 09-26 in Shanghai").hasSize(1);
    }

    @Test
    void a_report_dated_on_the_first_of_the_month_counts_for_the_month() {
        assertThat(findings(rule, task("T").reported("2022-09-01", 60).build(), morningOf("2022-09-26"))).isEmpty();
        assertThat(findings(rule, task("T").reported("2022-08-31", 60).build(), morningOf("2022-09-26"))).hasSize(1);
    }

    @Test
    void a_task_that_never_reported_is_stale() {
        assertThat(findings(rule, task("T").build(), morningOf("2022-09-26")))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("尚无进度反馈"));
    }

    @Test
    void a_task_starting_this_month_owes_no_report_yet() {
        assertThat(findings(rule, task("T").plannedStart("2022-09-01").build(), morningOf("2022-09-26"))).isEmpty();
        assertThat(findings(rule, task("T").plannedStart("2022-08-31").build(), morningOf("2022-09-26"))).hasSize(1);
    }

    @Test
    void a_new_month_starts_a_new_cycle() {
        assertThat(findings(rule, task("T").reported("2022-09-10", 60).build(), morningOf("2022-10-01"))).isEmpty();
    }

    @Test
    void a_task_can_have_an_earlier_due_day() {
        TaskFacts task = task("T").reported("2022-08-20", 60).overrides(new RuleOverrides(null, null, null, 20)).build();

        assertThat(findings(rule, task, morningOf("2022-09-20"))).isEmpty();
        assertThat(findings(rule, task, morningOf("2022-09-21"))).hasSize(1);
    }

    @Test
    void a_report_dated_this_month_but_not_yet_received_is_late_whatever_its_as_of() {
        // the unit wrote asOf 09-20, but the office has received nothing since August
        TaskFacts task = task("T").reported("2022-09-20", 60).receivedOn("2022-08-20").build();

        assertThat(findings(rule, task, morningOf("2022-09-26")))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("2022-09-25", "最近一次收到反馈为 2022-08-20"));
    }

    @Test
    void a_report_received_this_month_counts_whatever_month_it_is_dated() {
        TaskFacts task = task("T").reported("2022-08-31", 60).receivedOn("2022-09-02").build();

        assertThat(findings(rule, task, morningOf("2022-09-26"))).isEmpty();
    }

    @Test
    void a_due_day_on_a_rest_day_moves_to_the_next_working_day() {
        WorkingCalendar calendar = Holidays2022.labourDayAndNationalDay();
        // 2022-09-25 is a Sunday: the report is due on Monday the 26th
        assertThat(rule.findings(RuleContext.of(lastReportedInAugust, date("2022-09-26"), RuleSettings.defaults(), calendar)))
                .isEmpty();
        assertThat(rule.findings(RuleContext.of(lastReportedInAugust, date("2022-09-27"), RuleSettings.defaults(), calendar)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("应于 2022-09-26", "25 日逢休息日顺延"));
    }
}
