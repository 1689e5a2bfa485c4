package cn.duban.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing tree as Alertmanager's: matchers, first match wins unless continue, inheritance, grouping. */
class RoutingTreeTest {
    private static final Set<String> RECEIVERS = Set.of("office", "agri-robot", "leaders", "industry-robot", "audit-hook");

    private static Labels alert(String sector, String light, int level, String... units) {
        return Labels.builder().put(Labels.KIND, "alert").put(Labels.SECTOR, sector).put(Labels.LIGHT, light)
                .put(Labels.RULE, "RED".equals(light) ? "OVERDUE" : "DUE_SOON").put(Labels.LEVEL, level)
                .put(Labels.EVENT, "raised").put(Labels.TASK_ID, "2022-AGR-003").put(Labels.ALERT_ID, "AL-1")
                .putAll(Labels.UNIT, List.of(units)).build();
    }

    private static RoutingTree tree(RouteSpec spec) {
        RoutingTree.Result result = RoutingTree.compile(spec, RECEIVERS::contains);
        assertThat(result.problems()).isEmpty();
        return result.tree();
    }

    private static RouteSpec route(String receiver, List<String> matchers, boolean continueMatching, RouteSpec... children) {
        return new RouteSpec(receiver, matchers, null, null, null, null, continueMatching, List.of(children));
    }

    @Test
    void aRedAgricultureAlertGoesToTheFirstMatchingChildAndNotTheRoot() {
        RoutingTree tree = tree(route("office", List.of(), false,
                route("agri-robot", List.of("sector=~agriculture|industry", "light=RED"), false),
                route("leaders", List.of("light=RED"), false)));

        assertThat(tree.route(alert("agriculture", "RED", 1))).extracting(RoutingTree.Destination::receiver)
                .containsExactly("agri-robot");
        assertThat(tree.route(alert("livelihood", "RED", 1))).extracting(RoutingTree.Destination::receiver)
                .containsExactly("leaders");
        assertThat(tree.route(alert("livelihood", "YELLOW", 1))).extracting(RoutingTree.Destination::receiver)
                .containsExactly("office");
    }

    @Test
    void continueLetsTheNextSiblingsTakeItToo() {
        RoutingTree tree = tree(route("office", List.of(), false,
                route("audit-hook", List.of(), true),
                route("agri-robot", List.of("sector=agriculture"), false),
                route("leaders", List.of("level=~2|3"), false)));

        assertThat(tree.route(alert("agriculture", "RED", 2))).extracting(RoutingTree.Destination::receiver)
                .containsExactly("audit-hook", "agri-robot");
        assertThat(tree.route(alert("reform", "RED", 2))).extracting(RoutingTree.Destination::receiver)
                .containsExactly("audit-hook", "leaders");
    }

    @Test
    void negativeMatchersAndTheManyUnitsOfATask() {
        RoutingTree tree = tree(route("office", List.of(), false,
                route("agri-robot", List.of("unit=县农业农村局", "light!=GREEN", "rule!~DUE_.*"), false)));

        assertThat(tree.route(alert("agriculture", "RED", 1, "县水利局", "县农业农村局")))
                .extracting(RoutingTree.Destination::receiver).containsExactly("agri-robot");
        assertThat(tree.route(alert("agriculture", "YELLOW", 1, "县农业农村局")))
                .as("DUE_SOON is excluded by rule!~DUE_.*").extracting(RoutingTree.Destination::receiver).containsExactly("office");
        assertThat(tree.route(alert("agriculture", "RED", 1, "县水利局")))
                .extracting(RoutingTree.Destination::receiver).containsExactly("office");
    }

    @Test
    void childrenInheritGroupingAndTimingsAndMayOverrideThem() {
        RouteSpec spec = new RouteSpec("office", List.of(), List.of("sector"), "10s", "2m", "1d", null, List.of(
                new RouteSpec("agri-robot", List.of("light=RED"), List.of("taskId"), null, "30s", null, null, List.of())));
        RoutingTree tree = tree(spec);

        RoutingTree.Destination red = tree.route(alert("agriculture", "RED", 1)).get(0);
        assertThat(red.groupBy()).containsExactly("taskId");
        assertThat(red.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(red.groupInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(red.repeatInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(red.groupKey(alert("agriculture", "RED", 1))).containsExactly("taskId=2022-AGR-003");

        RoutingTree.Destination yellow = tree.route(alert("agriculture", "YELLOW", 1)).get(0);
        assertThat(yellow.groupKey(alert("agriculture", "YELLOW", 1, "县农业农村局", "县水利局"))).containsExactly("sector=agriculture");
    }

    @Test
    void everyProblemOfASubmittedTreeIsNamedWithWhereItIs() {
        RouteSpec spec = new RouteSpec("nobody", List.of("light=RED"), List.of("colour"), "soon", null, null, null, List.of(
                new RouteSpec(null, List.of("ligth=RED", "sector=~(agri"), null, null, "0s", null, null, List.of())));
        RoutingTree.Result result = RoutingTree.compile(spec, RECEIVERS::contains);

        assertThat(result.tree()).isNull();
        assertThat(result.problems()).extracting(RoutingTree.Problem::where).contains("matchers", "receiver", "groupBy",
                "groupWait", "routes[0].matchers[0]", "routes[0].matchers[1]", "routes[0].groupInterval");
        assertThat(result.problems()).filteredOn(p -> p.where().equals("routes[0].matchers[0]"))
                .extracting(p -> p.why().zh()).first().asString().contains("没有名为 ligth 的标签");
    }

    @Test
    void durationsAsAlertmanagerWritesThem() {
        assertThat(DurationText.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(DurationText.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(DurationText.parse("1d")).contains(Duration.ofDays(1));
        assertThat(DurationText.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(DurationText.parse("0s")).contains(Duration.ZERO);
        assertThat(DurationText.parse("5 minutes")).isEmpty();
        assertThat(DurationText.parse("")).isEmpty();
    }

    @Test
    void quietHoursSpanMidnightAndOnlyARedAtLevelTwoBreaksThrough() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
        Instant lateEvening = OffsetDateTime.parse("2022-06-01T23:30:00+08:00").toInstant();
        Instant morning = OffsetDateTime.parse("2022-06-02T08:00:00+08:00").toInstant();

        assertThat(night.isQuiet(lateEvening)).isTrue();
        assertThat(night.isQuiet(OffsetDateTime.parse("2022-06-02T07:59:00+08:00").toInstant())).isTrue();
        assertThat(night.isQuiet(morning)).isFalse();
        assertThat(night.isQuiet(OffsetDateTime.parse("2022-06-01T21:59:00+08:00").toInstant())).isFalse();
        assertThat(night.endOf(lateEvening)).isEqualTo(morning);
        assertThat(QuietHours.breaksThrough("RED", 2)).isTrue();
        assertThat(QuietHours.breaksThrough("RED", 1)).isFalse();
        assertThat(QuietHours.breaksThrough("YELLOW", 3)).isFalse();
    }
}
