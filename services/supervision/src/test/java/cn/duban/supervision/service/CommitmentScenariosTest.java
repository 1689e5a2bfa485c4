package cn.duban.supervision.service;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import static cn.duban.supervision.service.SeedTask.FIXED_INVESTMENT;
import static cn.duban.supervision.service.SeedTask.LIANGYU_LINES;
import static cn.duban.supervision.service.SeedTask.LONGHAI_BROILERS;
import static cn.duban.supervision.service.SeedTask.UNEMPLOYMENT;
import static cn.duban.supervision.service.SeedLedger.clock;
import static cn.duban.supervision.service.SeedLedger.openAlert;
import static cn.duban.supervision.service.SeedLedger.report;
import static cn.duban.supervision.service.SeedLedger.send;
import static cn.duban.supervision.service.SeedLedger.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One scenario per target type on the 2022 Pingyao ledger (docs/commitments.md): units report through the progress
 * topic, the office reads the task view.
 */
@QuarkusTest
class CommitmentScenariosTest extends AsTheOfficeOnTheDemoClock {
    @Test
    void aCeilingUnderItsLimitIsMetAndRaisesNothingAndOverItIsRed() {
        JsonPath ledger = task(UNEMPLOYMENT.id());
        assertThat(ledger.getString("kind")).isEqualTo("WORK");
        assertThat(ledger.getMap("targets[0]")).containsEntry("metric", "城镇登记失业率").containsEntry("type", "CEILING")
                .containsEntry("strength", "MUST").containsEntry("baseline", 3.81f);

        clock("2022-04-28T09:00:00+08:00");
        JsonPath under = reported(report(UNEMPLOYMENT, "2022-04-28",
                List.of(new Figure("城镇登记失业率", new BigDecimal("3.8"))), null, List.of(), null));
        assertThat(under.getInt("progress.percent")).isEqualTo(100);
        assertThat(under.getString("light")).isEqualTo("GREEN");
        assertThat(openAlert(under, "CEILING_EXCEEDED")).isNull();
        assertThat(openAlert(under, "LAGGING")).isNull();

        clock("2022-05-20T09:00:00+08:00");
        JsonPath over = reported(report(UNEMPLOYMENT, "2022-05-20",
                List.of(new Figure("城镇登记失业率", new BigDecimal("5.0"))), null, List.of(), null));
        assertThat(over.getString("light")).isEqualTo("RED");
        assertThat(over.getInt("progress.percent")).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openAlert(task(UNEMPLOYMENT.id()),
                "CEILING_EXCEEDED")).isNotNull().satisfies(alert -> assertThat(alert.get("light")).isEqualTo("RED")));

        clock("2022-06-20T09:00:00+08:00");
        JsonPath back = reported(report(UNEMPLOYMENT, "2022-06-20",
                List.of(new Figure("城镇登记失业率", new BigDecimal("4.2"))), null, List.of(), null));
        assertThat(back.getString("light")).isEqualTo("GREEN");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openAlert(task(UNEMPLOYMENT.id()),
                "CEILING_EXCEEDED")).as("resolved once back under the limit").isNull());
    }

    @Test
    void aGrowthIndicatorAtOrAboveItsRateIsOnTrack() {
        JsonPath ledger = task(FIXED_INVESTMENT.id());
        assertThat(ledger.getString("kind")).isEqualTo("INDICATOR");
        assertThat(ledger.getMap("targets[1]")).containsEntry("type", "GROWTH").containsEntry("baseline", 53.3f);

        clock("2022-06-30T09:00:00+08:00");
        // 固定资产投资完成57.8亿元,增长8.6%: half the amount by mid-year, and the rate so far above 8.6
        JsonPath june = reported(report(FIXED_INVESTMENT, "2022-06-30",
                List.of(new Figure("固定资产投资", new BigDecimal("29")), new Figure("增长率", new BigDecimal("9.0"))),
                null, List.of(), null));

        assertThat(june.getInt("progress.percent")).isEqualTo(75); // (50 + 100) / 2
        assertThat(june.getInt("progress.expectedPercent")).isEqualTo(75); // (49 + 100) / 2: a rate is planned whole
        assertThat(june.getString("status")).isEqualTo("ON_TRACK");
        assertThat(june.getString("light")).isEqualTo("GREEN");
    }

    @Test
    void aProjectTotalNeverMakesATaskLag() {
        JsonPath ledger = task(LONGHAI_BROILERS.id());
        assertThat(ledger.getString("kind")).isEqualTo("PROJECT");
        assertThat(ledger.getList("targets.type")).containsExactly("SCOPE", "PROJECT_TOTAL");

        clock("2022-07-31T09:00:00+08:00");
        // 5000 of the 53000 万元 total: 9 % if the total were this year's amount, 49 points behind a 58 % plan
        JsonPath july = reported(report(LONGHAI_BROILERS, "2022-07-31",
                List.of(), new BigDecimal("5000"), List.of(), 60));

        assertThat(july.getInt("progress.percent")).isEqualTo(60);
        assertThat(openAlert(july, "LAGGING")).isNull();
        assertThat(july.getString("light")).isEqualTo("GREEN");
    }

    @Test
    void aScopeIsJudgedByItsMilestones() {
        JsonPath ledger = task(LIANGYU_LINES.id());
        assertThat(ledger.getList("targets.type")).containsExactly("SCOPE", "PROJECT_TOTAL");

        clock("2022-09-30T09:00:00+08:00");
        // 推动投资5000万元的亮宇公司6条生产线技术改造,年底前投产: nothing is due before 投产, so nothing lags
        JsonPath september = reported(report(LIANGYU_LINES, "2022-09-30",
                List.of(new Figure("生产线", BigDecimal.ZERO)), null, List.of(), 10));
        assertThat(september.getInt("progress.expectedPercent")).isZero();
        assertThat(september.getInt("progress.percent")).isZero();
        assertThat(openAlert(september, "LAGGING")).isNull();
        assertThat(september.getString("light")).isEqualTo("GREEN");

        clock("2022-10-15T09:00:00+08:00");
        JsonPath october = reported(report(LIANGYU_LINES, "2022-10-15",
                List.of(), null, List.of("投产"), null));
        assertThat(october.getInt("progress.percent")).isEqualTo(100);
        assertThat(october.getList("milestones.reachedOn")).containsExactly("2022-10-15");
    }

    /** The task view once the evaluation has taken {@code report} in. */
    private static JsonPath reported(ProgressReported report) {
        send(report);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(task(report.taskId())
                .getString("progress.latest.reportId")).isEqualTo(report.reportId()));
        return task(report.taskId());
    }
}
