package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.morningOf;
import static cn.duban.supervision.engine.TaskBuilder.date;
import static cn.duban.supervision.engine.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When an evaluation may change with no new input ({@link Rule#nextBoundary}, {@link Evaluation#nextBoundary}): on
 * each rule's boundary its verdict differs from the day before, and a ledger evaluated only on the boundaries shows,
 * every day of the year, what one evaluated every day shows.
 */
class NextBoundaryTest {

    private final RuleSettings settings = RuleSettings.defaults();
    private final TaskEvaluator evaluator = new TaskEvaluator(settings);

    private Optional<LocalDate> boundary(Rule rule, TaskFacts task, String today) {
        return rule.nextBoundary(RuleContext.of(task, date(today), settings));
    }

    private List<Finding> findings(Rule rule, TaskFacts task, String today) {
        return RuleTesting.findings(rule, task, morningOf(today));
    }

    @Test
    void overdue_turns_the_day_after_the_deadline_and_then_stays() {
        OverdueRule rule = new OverdueRule();
        TaskFacts task = task("T").deadline("2022-10-31").build();

        assertThat(boundary(rule, task, "2022-06-01")).contains(date("2022-11-01"));
        assertThat(findings(rule, task, "2022-10-31")).isEmpty();
        assertThat(findings(rule, task, "2022-11-01")).hasSize(1);
        assertThat(boundary(rule, task, "2022-11-01")).isEmpty();
    }

    @Test
    void due_soon_opens_its_window_and_closes_it_the_day_after_the_due_date() {
        DueSoonRule rule = new DueSoonRule();
        TaskFacts task = task("T").deadline("2022-10-31").build();

        assertThat(boundary(rule, task, "2022-10-01")).contains(date("2022-10-16"));
        assertThat(findings(rule, task, "2022-10-15")).isEmpty();
        assertThat(findings(rule, task, "2022-10-16")).hasSize(1);
        assertThat(boundary(rule, task, "2022-10-16")).contains(date("2022-11-01"));
        assertThat(findings(rule, task, "2022-10-31")).hasSize(1);
        assertThat(findings(rule, task, "2022-11-01")).isEmpty();
        assertThat(boundary(rule, task, "2022-11-01")).isEmpty();
    }

    @Test
    void due_soon_counts_milestones_not_reached_and_only_those() {
        DueSoonRule rule = new DueSoonRule();
        TaskFacts open = task("T").milestone("开工", "2022-06-30").build();
        TaskFacts reached = task("T").milestoneReached("开工", "2022-06-30", "2022-05-20").build();

        assertThat(boundary(rule, open, "2022-05-01")).contains(date("2022-06-15"));
        assertThat(findings(rule, open, "2022-06-14")).isEmpty();
        assertThat(findings(rule, open, "2022-06-15")).hasSize(1);
        assertThat(boundary(rule, reached, "2022-05-01")).contains(date("2022-12-16"));
    }

    @Test
    void a_milestone_turns_overdue_the_day_after_it_is_due() {
        MilestoneOverdueRule rule = new MilestoneOverdueRule();
        TaskFacts task = task("T").milestone("开工", "2022-06-30").milestone("竣工", "2022-09-30").build();

        assertThat(boundary(rule, task, "2022-06-01")).contains(date("2022-07-01"));
        assertThat(findings(rule, task, "2022-06-30")).isEmpty();
        assertThat(findings(rule, task, "2022-07-01")).hasSize(1);
        assertThat(boundary(rule, task, "2022-07-01")).contains(date("2022-10-01"));
        assertThat(findings(rule, task, "2022-10-01")).hasSize(2);
        assertThat(boundary(rule, task, "2022-10-01")).isEmpty();
    }

    @Test
    void a_report_turns_stale_the_day_after_its_due_day_and_a_new_month_starts_afresh() {
        StaleReportRule rule = new StaleReportRule();
        TaskFacts task = task("T").reported("2022-08-20", 60).build();

        assertThat(boundary(rule, task, "2022-09-10")).contains(date("2022-09-26"));
        assertThat(findings(rule, task, "2022-09-25")).isEmpty();
        assertThat(findings(rule, task, "2022-09-26")).hasSize(1);
        assertThat(boundary(rule, task, "2022-09-26")).contains(date("2022-10-01"));
        assertThat(findings(rule, task, "2022-10-01")).isEmpty();
    }

    @Test
    void a_ceiling_changes_only_with_a_report() {
        TaskFacts task = task("T").target("失业率", "%", "4.5", TargetType.CEILING, null, null, "4.8").build();

        assertThat(boundary(new CeilingExceededRule(), task, "2022-06-01")).isEmpty();
    }

    @Test
    void lagging_turns_on_the_day_the_planned_percent_moves_past_the_threshold() {
        TaskFacts task = task("T").reported("2022-06-30", 30).build();
        LocalDate day = date("2022-07-01");
        Evaluation evaluation = evaluator.evaluate(task, morningOf(day.toString()));
        while (!evaluation.has(RuleId.LAGGING)) {
            Evaluation before = evaluation;
            day = before.nextBoundary();
            evaluation = evaluator.evaluate(task, morningOf(day.toString()));
            assertThat(evaluator.evaluate(task, morningOf(day.minusDays(1).toString())).expectedPercent())
                    .isEqualTo(before.expectedPercent());
            assertThat(evaluation.expectedPercent()).isGreaterThan(before.expectedPercent());
        }
        assertThat(day).isEqualTo(date("2022-07-04"));
    }

    @Test
    void a_plan_that_falls_somewhere_is_looked_at_again_tomorrow() {
        TaskFacts task = task("T").planPoint("2022-06-30", 60).planPoint("2022-09-30", 40).reported("2022-05-01", 10)
                .build();

        assertThat(Progress.nextChange(task, date("2022-03-01"))).contains(date("2022-03-02"));
    }

    @Test
    void alerts_follow_up_on_the_day_they_escalate_or_are_reminded() {
        AlertReconciler reconciler = new AlertReconciler(settings);
        List<Finding> findings = List.of(new Finding(RuleId.LAGGING, null, "落后"));
        AlertBook book = new AlertBook();
        Instant june1 = morningOf("2022-06-01");
        book.apply(reconciler.reconcile(book.openAlerts(), findings, june1), june1);

        assertThat(reconciler.nextFollowUp(book.openAlerts(), findings, june1)).contains(date("2022-06-04"));
        assertThat(reconciler.reconcile(book.openAlerts(), findings, morningOf("2022-06-03"))).isEmpty();
        assertThat(reconciler.reconcile(book.openAlerts(), findings, morningOf("2022-06-04"))).isNotEmpty();
        assertThat(reconciler.nextFollowUp(book.openAlerts(), List.of(), june1)).as("resolved").isEmpty();
    }

    @Test
    void evaluated_only_on_its_boundaries_a_ledger_shows_every_day_what_a_daily_evaluation_shows() {
        List<TaskFacts> ledger = List.of(
                task("linear").reported("2022-02-28", 10).build(),
                task("never-reported").plannedStart("2022-02-01").deadline("2022-08-31").build(),
                task("milestones").milestone("开工", "2022-04-30").milestone("竣工", "2022-10-31")
                        .target("项目", "个", "3", TargetType.SCOPE, null, null, null).reported("2022-03-10", 0).build(),
                task("planned").planPoint("2022-03-31", 10).planPoint("2022-06-30", 50).planPoint("2022-09-30", 80)
                        .reported("2022-02-20", 5).build(),
                task("amount").target("投资", "亿元", "12", "3.5").reported("2022-03-01", 20).deadline("2022-11-30")
                        .build(),
                task("ceiling").target("失业率", "%", "4.5", TargetType.CEILING, null, null, "4.8")
                        .reported("2022-03-05", 0).build(),
                task("claimed").deadline("2022-06-30").milestone("验收", "2022-06-15").claimed("2022-05-01")
                        .reported("2022-04-20", 90).build(),
                task("verified").deadline("2022-06-30").verified("2022-05-01", "2022-05-10").build(),
                task("short").plannedStart("2022-03-01").deadline("2022-03-20").reported("2022-03-02", 50).build(),
                task("on-a-holiday").deadline("2022-10-01").milestone("验收", "2022-05-01").reported("2022-04-28", 35)
                        .build(),
                task("own-thresholds").overrides(new RuleOverrides(Set.of(RuleId.STALE_REPORT), 40, 5, 10))
                        .milestone("开工", "2022-07-15").reported("2022-03-03", 15).build());
        for (WorkingCalendar calendar : List.of(WorkingCalendar.asWritten(), Holidays2022.labourDayAndNationalDay())) {
            TaskEvaluator evaluator = new TaskEvaluator(settings, calendar);
            for (TaskFacts task : ledger) {
                assertEvaluatedOnItsBoundariesAsDaily(evaluator, task);
            }
        }
    }

    private void assertEvaluatedOnItsBoundariesAsDaily(TaskEvaluator evaluator, TaskFacts task) {
        AlertBook daily = new AlertBook();
        AlertBook skipping = new AlertBook();
        AlertReconciler reconciler = new AlertReconciler(settings);
        Evaluation kept = null;
        LocalDate due = null;
        for (LocalDate day = date("2022-03-01"); day.isBefore(date("2023-03-01")); day = day.plusDays(1)) {
            Instant now = morningOf(day.toString());
            Evaluation truth = evaluator.evaluate(task, now);
            daily.apply(reconciler.reconcile(daily.openAlerts(), truth.findings(), now), now);
            if (due == null || !day.isBefore(due)) {
                kept = truth;
                due = earliest(truth.nextBoundary(),
                        reconciler.nextFollowUp(skipping.openAlerts(), truth.findings(), now).orElse(null));
                skipping.apply(reconciler.reconcile(skipping.openAlerts(), truth.findings(), now), now);
            }
            String at = task.taskId() + " on " + day;
            assertThat(kept.status()).as(at).isEqualTo(truth.status());
            assertThat(kept.light()).as(at).isEqualTo(truth.light());
            assertThat(kept.percent()).as(at).isEqualTo(truth.percent());
            assertThat(kept.expectedPercent()).as(at).isEqualTo(truth.expectedPercent());
            assertThat(kept.findings().stream().map(Finding::key).toList()).as(at)
                    .isEqualTo(truth.findings().stream().map(Finding::key).toList());
            assertThat(skipping.openAlerts()).as(at).isEqualTo(daily.openAlerts());
        }
    }

    private static LocalDate earliest(LocalDate one, LocalDate other) {
        if (one == null || other == null) {
            return one == null ? (other == null ? LocalDate.MAX : other) : one;
        }
        return one.isBefore(other) ? one : other;
    }
}
