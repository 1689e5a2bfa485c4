package cn.duban.supervision.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a ledger spreadsheet, one row per task (docs/ledger.md, "Spreadsheet import"). A header
 * cell may name a column in Chinese, by its English key (the ledger.schema.json property) or both.
 */
public enum SheetColumn {
    ID("任务编号", "id", true, "2022-AGR-003"),
    SECTOR("领域", "sector", true, "agriculture, or 三农 / 工业 / 文旅 / 城乡建设 / 重点改革 / 民生"),
    TITLE("任务名称", "title", true, "at most 30 characters"),
    TEXT("原文", "text", true, "the report's words"),
    SECTION("章节", "section", true, "part / paragraph, joined by \" / \""),
    LEAD_UNIT("牵头单位", "leadUnit", true, "a unit of the unit directory"),
    CO_UNITS("配合单位", "coUnits", true, "units separated by 、 or ;"),
    LEADER("责任领导", "leader", true, "分管农业农村工作的副县长"),
    TARGETS("目标", "targets", true, "metric:value:unit[:type[:strength[:baseline]]]; …, e.g. 高标准农田:60000:亩; "
            + "投资:9000:万元; 城镇登记失业率:4.5:%:上限:确保:3.81 — type 累计量 (default) / 达到值 / 上限 / 增长率 / 总投资 / 范围, "
            + "strength 确保 (default) / 力争, baseline 基数 (docs/commitments.md)"),
    MILESTONES("时间节点", "milestones", true, "name:YYYY-MM-DD; …, e.g. 试运行:2022-05-31; 投产:2022-10-31"),
    DEADLINE("完成时限", "deadline", true, "YYYY-MM-DD or a date cell"),
    FLAGS("标识", "flags", true, "民生实事 / 重点项目 / 经济指标, separated by 、 or ;"),
    REPORTING_CYCLE("报送周期", "reportingCycle", false, "MONTHLY (the default when the column or cell is empty)"),
    KIND("任务类型", "kind", false, "指标 / 项目 / 工作 (INDICATOR / PROJECT / WORK); empty: implied from flags and targets"),
    PLAN("分月计划", "plan", false, "YYYY-MM:percent; …, cumulative, e.g. 2022-03:20; 2022-06:50; 2022-09:80 (empty: no plan)");

    private final String chinese;
    private final String key;
    private final boolean required;
    private final String format;

    SheetColumn(String chinese, String key, boolean required, String format) {
        this.chinese = chinese;
        this.key = key;
        this.required = required;
        this.format = format;
    }

    public String chinese() {
        return chinese;
    }

    /** The ledger.schema.json property this column fills. */
    public String key() {
        return key;
    }

    /** Whether the header row must have this column (its cells may still be empty where the schema allows). */
    public boolean required() {
        return required;
    }

    public String format() {
        return format;
    }

    /** How errors name the column, e.g. {@code 完成时限 (deadline)}. */
    public String label() {
        return chinese + " (" + key + ")";
    }

    /** The column a header cell names: 完成时限, deadline, "完成时限 deadline" or "完成时限(deadline)". */
    public static Optional<SheetColumn> ofHeader(String header) {
        String h = header.replace('（', '(').replace('）', ')').replaceAll("[\\s()]+", " ").trim()
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> h.equals(c.chinese) || h.equals(c.key.toLowerCase(Locale.ROOT))
                || h.equals(c.chinese + " " + c.key.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static Optional<SheetColumn> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
