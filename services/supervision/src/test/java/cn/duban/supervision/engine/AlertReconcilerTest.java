package cn.duban.supervision.engine;

import static cn.duban.supervision.engine.Moments.at;
import static cn.duban.supervision.engine.Moments.morningOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.duban.supervision.engine.AlertAction.Escalate;
import cn.duban.supervision.engine.AlertAction.Raise;
import cn.duban.supervision.engine.AlertAction.Remind;
import cn.duban.supervision.engine.AlertAction.Resolve;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertReconcilerTest {

    private static final Finding LAGGING = new Finding(RuleId.LAGGING, null, "落后");
    private static final Finding STALE = new Finding(RuleId.STALE_REPORT, null, "未报送");
    private static final Finding OVERDUE = new Finding(RuleId.OVERDUE, null, "超期");
    private static final Finding TRIAL_RUN_MISSED = new Finding(RuleId.MILESTONE_OVERDUE, "试运行", "试运行未完成");

    private final AlertReconciler reconciler = new AlertReconciler(RuleSettings.defaults());

    private static OpenAlert open(String id, Finding finding, String raisedAt) {
        return new OpenAlert(id, finding.rule(), finding.milestone(), finding.light(), OpenAlert.State.OPEN,
                at(raisedAt), OpenAlert.UNIT_LEVEL, null);
    }

    private static OpenAlert acknowledged(OpenAlert alert) {
        return new OpenAlert(alert.alertId(), alert.rule(), alert.milestone(), alert.light(),
                OpenAlert.State.ACKNOWLEDGED, alert.raisedAt(), alert.escalationLevel(), alert.lastReminderAt());
    }

    private static OpenAlert atLevel(OpenAlert alert, int level) {
        return new OpenAlert(alert.alertId(), alert.rule(), alert.milestone(), alert.light(), alert.state(),
                alert.raisedAt(), level, alert.lastReminderAt());
    }

    private static OpenAlert remindedAt(OpenAlert alert, String when) {
        return new OpenAlert(alert.alertId(), alert.rule(), alert.milestone(), alert.light(), alert.state(),
                alert.raisedAt(), alert.escalationLevel(), at(when));
    }

    private List<AlertAction> reconcile(List<OpenAlert> alerts, List<Finding> findings, Instant now) {
        return reconciler.reconcile(alerts, findings, now);
    }

    @Test
    void a_finding_without_an_alert_is_raised_with_its_light_and_reason() {
        assertThat(reconcile(List.of(), List.of(TRIAL_RUN_MISSED), morningOf("2022-06-01")))
                .containsExactly(new Raise(RuleId.MILESTONE_OVERDUE, "试运行", Light.RED, "试运行未完成", false));
    }

    @Test
    void a_finding_with_a_fresh_alert_needs_nothing() {
        OpenAlert alert = open("A1", LAGGING, "2022-06-01T09:00+08:00");

        assertThat(reconcile(List.of(alert), List.of(LAGGING), at("2022-06-02T20:00+08:00"))).isEmpty();
    }

    @Test
    void an_alert_whose_finding_is_gone_is_resolved_acknowledged_or_not() {
        OpenAlert lagging = open("A1", LAGGING, "2022-06-01T09:00+08:00");
        OpenAlert stale = acknowledged(open("A2", STALE, "2022-06-01T09:00+08:00"));

        assertThat(reconcile(List.of(lagging, stale), List.of(), morningOf("2022-06-02")))
                .containsExactly(new Resolve("A1", Resolve.CONDITION_CLEARED), new Resolve("A2", Resolve.CONDITION_CLEARED));
    }

    @Test
    void each_milestone_has_its_own_alert() {
        OpenAlert trialRun = open("A1", TRIAL_RUN_MISSED, "2022-06-01T09:00+08:00");
        Finding productionMissed = new Finding(RuleId.MILESTONE_OVERDUE, "投产", "投产未完成");

        assertThat(reconcile(List.of(trialRun), List.of(productionMissed), morningOf("2022-06-02")))
                .containsExactly(new Resolve("A1", Resolve.CONDITION_CLEARED),
                        new Raise(RuleId.MILESTONE_OVERDUE, "投产", Light.RED, "投产未完成", false));
    }

    @Test
    void escalation_to_the_leader_comes_on_the_third_calendar_day() {
        OpenAlert late = acknowledged(open("A1", OVERDUE, "2022-11-01T23:30+08:00"));

        assertThat(reconcile(List.of(late), List.of(OVERDUE), at("2022-11-03T23:59+08:00"))).as("day 2").isEmpty();
        assertThat(reconcile(List.of(late), List.of(OVERDUE), at("2022-11-04T00:00+08:00")))
                .as("day 3, though only 48½ hours").containsExactly(new Escalate("A1", 2, false));
    }

    @Test
    void escalation_to_the_office_comes_on_the_seventh_day() {
        OpenAlert late = atLevel(acknowledged(open("A1", OVERDUE, "2022-11-01T09:00+08:00")), 2);

        assertThat(reconcile(List.of(late), List.of(OVERDUE), morningOf("2022-11-07"))).as("day 6").isEmpty();
        assertThat(reconcile(List.of(late), List.of(OVERDUE), morningOf("2022-11-08")))
                .containsExactly(new Escalate("A1", 3, false));
    }

    @Test
    void escalation_days_follow_the_shanghai_calendar_for_utc_instants() {
        OpenAlert raisedAfterUtcAfternoon = acknowledged(open("A1", OVERDUE, "2022-11-01T16:30Z"));

        assertThat(reconcile(List.of(raisedAfterUtcAfternoon), List.of(OVERDUE), at("2022-11-04T15:59Z")))
                .as("raised 11-02 in Shanghai; 11-04 23:59 is day 2").isEmpty();
        assertThat(reconcile(List.of(raisedAfterUtcAfternoon), List.of(OVERDUE), at("2022-11-04T16:00Z")))
                .containsExactly(new Escalate("A1", 2, false));
    }

    @Test
    void an_alert_left_at_level_one_jumps_to_level_three_in_one_step() {
        OpenAlert forgotten = acknowledged(open("A1", OVERDUE, "2022-11-01T09:00+08:00"));

        assertThat(reconcile(List.of(forgotten), List.of(OVERDUE), morningOf("2022-11-20")))
                .containsExactly(new Escalate("A1", 3, false));
    }

    @Test
    void escalation_never_goes_down() {
        OpenAlert alreadyAtOffice = atLevel(acknowledged(open("A1", OVERDUE, "2022-11-01T09:00+08:00")), 3);

        assertThat(reconcile(List.of(alreadyAtOffice), List.of(OVERDUE), morningOf("2022-11-02"))).isEmpty();
    }

    @Test
    void an_unacknowledged_alert_is_reminded_every_three_days() {
        OpenAlert alert = open("A1", LAGGING, "2022-06-01T09:00+08:00");

        assertThat(reconcile(List.of(alert), List.of(LAGGING), morningOf("2022-06-03"))).isEmpty();
        assertThat(reconcile(List.of(alert), List.of(LAGGING), morningOf("2022-06-04")))
                .containsExactly(new Escalate("A1", 2, false), new Remind("A1"));
        OpenAlert reminded = atLevel(remindedAt(alert, "2022-06-04T09:00+08:00"), 2);
        assertThat(reconcile(List.of(reminded), List.of(LAGGING), morningOf("2022-06-06"))).isEmpty();
        assertThat(reconcile(List.of(reminded), List.of(LAGGING), at("2022-06-07T00:00+08:00")))
                .containsExactly(new Remind("A1"));
    }

    @Test
    void an_acknowledged_alert_is_not_reminded_but_still_escalates() {
        OpenAlert alert = acknowledged(open("A1", LAGGING, "2022-06-01T09:00+08:00"));

        assertThat(reconcile(List.of(alert), List.of(LAGGING), morningOf("2022-06-04")))
                .containsExactly(new Escalate("A1", 2, false));
    }

    @Test
    void with_a_red_finding_new_yellow_alerts_are_raised_inhibited() {
        assertThat(reconcile(List.of(), List.of(TRIAL_RUN_MISSED, LAGGING), morningOf("2022-06-01")))
                .containsExactly(
                        new Raise(RuleId.MILESTONE_OVERDUE, "试运行", Light.RED, "试运行未完成", false),
                        new Raise(RuleId.LAGGING, null, Light.YELLOW, "落后", true));
    }

    @Test
    void with_a_red_finding_yellow_alerts_escalate_silently_and_get_no_reminders() {
        OpenAlert red = open("A1", OVERDUE, "2022-11-01T09:00+08:00");
        OpenAlert yellow = open("A2", STALE, "2022-11-01T09:00+08:00");

        assertThat(reconcile(List.of(red, yellow), List.of(OVERDUE, STALE), morningOf("2022-11-04")))
                .containsExactly(
                        new Escalate("A1", 2, false), new Remind("A1"),
                        new Escalate("A2", 2, true));
    }

    @Test
    void when_the_red_clears_a_reminder_that_fell_due_goes_out_at_once() {
        OpenAlert red = open("A1", TRIAL_RUN_MISSED, "2022-06-01T09:00+08:00");
        OpenAlert yellow = atLevel(open("A2", LAGGING, "2022-06-01T09:00+08:00"), 2);

        assertThat(reconcile(List.of(red, yellow), List.of(LAGGING), morningOf("2022-06-05")))
                .containsExactly(new Resolve("A1", Resolve.CONDITION_CLEARED), new Remind("A2"));
    }

    @Test
    void resolving_a_yellow_alert_is_never_inhibited() {
        OpenAlert yellow = open("A1", LAGGING, "2022-06-01T09:00+08:00");

        assertThat(reconcile(List.of(yellow), List.of(OVERDUE), morningOf("2022-06-02")))
                .containsExactly(new Resolve("A1", Resolve.CONDITION_CLEARED),
                        new Raise(RuleId.OVERDUE, null, Light.RED, "超期", false));
    }

    @Test
    void of_two_alerts_for_the_same_finding_the_older_is_kept() {
        OpenAlert older = open("A7", LAGGING, "2022-06-01T09:00+08:00");
        OpenAlert newer = open("A3", LAGGING, "2022-06-02T09:00+08:00");

        assertThat(reconcile(List.of(newer, older), List.of(LAGGING), morningOf("2022-06-02")))
                .containsExactly(new Resolve("A3", Resolve.DUPLICATE));
    }

    @Test
    void the_same_inputs_in_another_order_give_the_same_actions() {
        OpenAlert a = open("A1", LAGGING, "2022-06-01T09:00+08:00");
        OpenAlert b = open("A2", STALE, "2022-05-27T09:00+08:00");

        assertThat(reconcile(List.of(a, b), List.of(LAGGING, STALE), morningOf("2022-06-10")))
                .isEqualTo(reconcile(List.of(b, a), List.of(STALE, LAGGING), morningOf("2022-06-10")))
                .containsExactly(new Escalate("A2", 3, false), new Remind("A2"), new Escalate("A1", 3, false), new Remind("A1"));
    }

    @Test
    void reconciling_again_at_the_same_instant_after_applying_the_actions_does_nothing() {
        AlertBook book = new AlertBook();
        Instant june1 = morningOf("2022-06-01");
        book.apply(reconcile(book.openAlerts(), List.of(TRIAL_RUN_MISSED, LAGGING), june1), june1);
        Instant june4 = morningOf("2022-06-04");
        List<AlertAction> june4Actions = reconcile(book.openAlerts(), List.of(LAGGING, STALE), june4);
        book.apply(june4Actions, june4);
        Instant june10 = morningOf("2022-06-10");
        List<AlertAction> june10Actions = reconcile(book.openAlerts(), List.of(LAGGING, STALE), june10);
        book.apply(june10Actions, june10);

        assertThat(june4Actions).hasSize(4);
        assertThat(june10Actions).hasSize(4);
        assertThat(reconcile(book.openAlerts(), List.of(LAGGING, STALE), june10)).isEmpty();
        assertThat(book.openAlerts()).extracting(OpenAlert::rule, OpenAlert::escalationLevel)
                .containsExactly(tuple(RuleId.LAGGING, 3), tuple(RuleId.STALE_REPORT, 2));
    }
}
