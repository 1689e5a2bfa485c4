package cn.duban.supervision.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers, quantities and time words as a report writes them. */
class FiguresTest {

    private static String quantities(String text) {
        return Quantities.find(text, 0, text.length()).stream()
                .map(q -> q.value().toPlainString() + " " + q.unit()).toList().toString();
    }

    @Test
    void chineseNumeralsAndMultipliersReadAsNumbers() {
        assertThat(ChineseNumbers.parse("五千")).contains(new BigDecimal("5000"));
        assertThat(ChineseNumbers.parse("两千")).contains(new BigDecimal("2000"));
        assertThat(ChineseNumbers.parse("1.2万")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12000"));
        assertThat(ChineseNumbers.parse("一百五十四")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("154"));
        assertThat(ChineseNumbers.parse("百万")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000000"));
        assertThat(ChineseNumbers.parse("3亿5千万")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("350000000"));
        assertThat(ChineseNumbers.parse("十二")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12"));
        assertThat(ChineseNumbers.parse("甲")).isEmpty();
    }

    @Test
    void quantitiesAreNormalisedAsTheLedgerKeepsThem() {
        assertThat(quantities("严守76万亩耕地红线")).isEqualTo("[760000 亩]");
        assertThat(quantities("投资31亿元的煤化集团134万吨捣固焦项目")).isEqualTo("[310000 万元, 134 万吨]");
        assertThat(quantities("年屠宰5000万羽鸡、百万只蛋鸡、1千亩果园")).isEqualTo("[50000000 羽, 1000000 只, 1000 亩]");
        assertThat(quantities("招聘154名卫生医技人员，涉及22万人口")).isEqualTo("[154 人, 220000 人]");
        assertThat(quantities("环保绩效一半以上达到B级，失业率控制在4.5％以内")).isEqualTo("[50 %, 4.5 %]");
        assertThat(quantities("开展筛查五千人，年产两千吨")).isEqualTo("[5000 人, 2000 吨]");
    }

    @Test
    void numbersThatAreNotQuantitiesAreLeftAlone() {
        assertThat(quantities("启建南政110千伏变电站，启建108国道汽修物流园，落实第293号省长令，用3年左右时间")).isEqualTo("[]");
        assertThat(quantities("60岁以上老年人，“三提升”专项行动，《十四五规划》，一套人马，推动二亩沟煤矿复产")).isEqualTo("[]");
    }

    @Test
    void timeWordsBecomeDatesOfTheReportsYear() {
        String text = "确保5月底试运行，力争10月底前投产，上半年开工，年底前务必全部完工，9月1日前投入使用，年内并网发电";
        List<DueDates.DatePhrase> dates = DueDates.phrases(text, 0, text.length(), 2022);
        assertThat(dates).extracting(DueDates.DatePhrase::date).containsExactly(LocalDate.of(2022, 5, 31),
                LocalDate.of(2022, 10, 31), LocalDate.of(2022, 6, 30), LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 9, 1), LocalDate.of(2022, 12, 31));
        assertThat(DueDates.steps(text, dates, text.length())).extracting(s -> s.name() + "@" + s.due() + (s.completes() ? "" : "*"))
                .containsExactly("试运行@2022-05-31*", "投产@2022-10-31", "开工@2022-06-30*", "完工@2022-12-31",
                        "投入使用@2022-09-01", "并网@2022-12-31");
    }

    @Test
    void aPlanToCompileIsAStepToo() {
        String text = "年底前务必完成国土空间规划编制，力争年底前获得省政府批准";
        List<DueDates.DatePhrase> dates = DueDates.phrases(text, 0, text.length(), 2022);
        assertThat(DueDates.steps(text, dates, text.length())).extracting(DueDates.Step::name)
                .containsExactly("编制完成", "批准");
    }
}
