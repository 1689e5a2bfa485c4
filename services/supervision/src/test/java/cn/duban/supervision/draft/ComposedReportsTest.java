package cn.duban.supervision.draft;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.events.task.Target;
import cn.duban.supervision.ledger.LedgerFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports written for these tests, in other words than Pingyao's (full-width punctuation, （一） items, 两千, 五千,
 * 1.2万, 上半年, 9月1日前), each with the ledger an office would make of it. The figures are kept in docs/drafts.md.
 */
class ComposedReportsTest {

    private static LedgerFile.Entry task(String text, String sector, String deadline, String... targets) {
        List<Target> t = new ArrayList<>();
        for (String target : targets) {
            String[] parts = target.split(" ");
            t.add(new Target("", parts[1], new BigDecimal(parts[0])));
        }
        return new LedgerFile.Entry("", sector, "", text, List.of(), "", List.of(), "", t, List.of(),
                LocalDate.parse(deadline), "MONTHLY", List.of(), null, null);
    }

    private static LedgerComparison compare(String name, Integer year, List<LedgerFile.Entry> expected)
            throws IOException {
        String report = Reports.read(name);
        ReportDraft draft = new ReportDrafter(Reports.leadUnits()).draft(report, year);
        LedgerComparison c = new LedgerComparison(report,
                new LedgerFile(draft.year(), "", "", LocalDate.of(draft.year(), 1, 1), expected), draft);
        System.out.println("Draft of " + name + "\n" + c.figures());
        draft.tasks().forEach(t -> System.out.println(t.key() + " " + t.sector().value() + " " + t.text() + " "
                + t.leadUnit().value()));
        System.out.println("missed: " + c.missed + "\ntargets: " + c.wrongTargets + "\ndeadlines: " + c.wrongDeadlines);
        return c;
    }

    @Test
    void aReportInFullWidthPunctuationWithParenthesisedMatters() throws IOException {
        LedgerComparison c = compare("yunling-2023-report.txt", null, List.of(
                task("地区生产总值完成92亿元，增长7%", "reform", "2023-12-31", "92 亿元", "7 %"),
                task("一般公共预算收入完成4.3亿元，增长5%", "reform", "2023-12-31", "4.3 亿元", "5 %"),
                task("新建高标准农田1.2万亩，投资2400万元", "agriculture", "2023-12-31", "12000 亩", "2400 万元"),
                task("确保粮食播种面积稳定在35万亩以上", "agriculture", "2023-12-31", "350000 亩"),
                task("支持投资5000万元的丰禾公司年产两千吨杂粮加工生产线建设，力争6月底前投产", "agriculture", "2023-06-30",
                        "5000 万元", "2000 吨"),
                task("新增市级农业龙头企业3家", "agriculture", "2023-12-31", "3 家"),
                task("全力推进总投资28亿元的12个工业项目，年内完成投资9亿元", "industry", "2023-12-31", "12 个", "90000 万元"),
                task("加快云岭化工园区污水处理厂建设，确保上半年开工、年底前竣工", "industry", "2023-12-31"),
                task("推动五千吨新材料项目试运行，力争9月底前投产", "industry", "2023-09-30", "5000 吨"),
                task("新增城镇就业1800人，城镇登记失业率控制在4%以内", "livelihood", "2023-12-31", "1800 人", "4 %"),
                task("新建城东小学，9月1日前投入使用", "livelihood", "2023-09-01"),
                task("招聘乡村医生60名，实现村卫生室全覆盖", "livelihood", "2023-12-31", "60 人"),
                task("改造农村危房200户", "livelihood", "2023-12-31", "200 户"),
                task("新建社区养老服务站8个", "livelihood", "2023-12-31", "8 个"),
                task("开展免费“两癌”筛查五千人", "livelihood", "2023-12-31", "5000 人"),
                task("新建公办幼儿园2所", "livelihood", "2023-12-31", "2 所"),
                task("完成城区供热管网改造12公里", "livelihood", "2023-12-31", "12 公里")));
        assertThat(c.found).isEqualTo(c.ledgerTasks);
        assertThat(c.targetsRight).isEqualTo(c.ledgerTargets);
        assertThat(c.deadlinesRight).isEqualTo(c.ledgerTasks);
        assertThat(c.sectorsRight).isEqualTo(c.ledgerTasks);
        DraftTask gdp = new ReportDrafter(Reports.leadUnits()).draft(Reports.read("yunling-2023-report.txt"), null)
                .tasks().get(0);
        assertThat(gdp.targets()).extracting(t -> t.type() + " " + (t.baseline() == null ? "-"
                : t.baseline().value().toPlainString())).containsExactly("AMOUNT -", "GROWTH 85.6");
    }

    @Test
    void aPastedExcerptWithNoHeadingsTakesTheYearGivenAndSectorsFromItsWords() throws IOException {
        LedgerComparison c = compare("excerpt-no-headings.txt", 2024, List.of(
                task("全面完成老旧小区改造15个，惠及居民3200户，6月底前全部完工", "urban-construction", "2024-06-30",
                        "15 个", "3200 户"),
                task("新建5G基站120个，力争年底前实现乡镇全覆盖", "industry", "2024-12-31", "120 个"),
                task("河道清淤40公里，投资1.5亿元，务必6月底前完成", "agriculture", "2024-06-30", "40 公里", "15000 万元")));
        assertThat(c.found).isEqualTo(c.ledgerTasks);
        assertThat(c.targetsRight).isEqualTo(c.ledgerTargets);
        assertThat(c.deadlinesRight).isEqualTo(c.ledgerTasks);
        assertThat(c.sectorsRight).isEqualTo(c.ledgerTasks);
    }
}
