package cn.duban.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.LedgerReader.LedgerException.RowError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a ledger from sheet rows, with no framework: the rules are the data file's, named by row and column. */
class LedgerSheetTest {

    static List<Object> farmland(String id) {
        return new ArrayList<>(List.of(id, "agriculture", "启建6万亩高标准农田", "投资9000万元,启建6万亩高标准农田",
                "一、测试 / 挖潜增产促增收", "县农业农村局", "县财政局、县自然资源局", "分管农业农村工作的副县长",
                "高标准农田:60000:亩; 投资:9000:万元", "开工:2022-04-30", "2022-12-31", "重点项目", ""));
    }

    private static List<SheetRow> rows(List<List<Object>> rows) {
        return XlsxSheet.read(SheetFiles.xlsx(rows));
    }

    private static List<RowError> refusal(List<List<Object>> rows) {
        return catchThrowableOfType(LedgerException.class, () -> LedgerSheet.read(rows(rows), null, null)).errors();
    }

    @Test
    void aRowBecomesTheTaskTheDataFileWouldHold() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(10, LocalDate.of(2022, 12, 31)); // a date cell
        LedgerFile ledger = LedgerSheet.read(rows(List.of(SheetFiles.HEADER, row)), null, null).ledger();

        assertThat(ledger.year()).isEqualTo(2022);
        assertThat(ledger.plannedStart()).isEqualTo(LocalDate.of(2022, 1, 1));
        LedgerFile.Entry task = ledger.tasks().get(0);
        assertThat(task.section()).containsExactly("一、测试", "挖潜增产促增收");
        assertThat(task.coUnits()).containsExactly("县财政局", "县自然资源局");
        assertThat(task.targets()).containsExactly(new Target("高标准农田", "亩", new BigDecimal("60000")),
                new Target("投资", "万元", new BigDecimal("9000")));
        assertThat(task.milestones()).containsExactly(new Milestone("开工", LocalDate.of(2022, 4, 30)));
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(task.reportingCycle()).isEqualTo("MONTHLY");
        assertThat(task.flags()).containsExactly("重点项目");
    }

    @Test
    void englishHeadersChineseSectorNamesAndFullWidthPunctuationAreRead() {
        List<Object> header = List.of("id", "sector", "title", "text", "section", "leadUnit", "配合单位 (coUnits)",
                "leader", "targets", "milestones", "deadline", "flags", "序号");
        List<Object> row = farmland("2099-AGR-901");
        row.set(1, "三农");
        row.set(6, "县财政局;县自然资源局");
        row.set(8, "高标准农田：60000：亩；投资:9000:万元");
        row.set(9, "开工：2022/4/30");
        row.set(12, "1"); // 序号, a column of the office's own: ignored
        LedgerFile.Entry task = LedgerSheet.read(rows(List.of(header, row)), "2022", "2022-02-01").ledger().tasks().get(0);

        assertThat(task.sector()).isEqualTo("agriculture");
        assertThat(task.coUnits()).containsExactly("县财政局", "县自然资源局");
        assertThat(task.targets()).extracting(Target::metric).containsExactly("高标准农田", "投资");
        assertThat(task.milestones()).containsExactly(new Milestone("开工", LocalDate.of(2022, 4, 30)));
    }

    @Test
    void everyBadCellIsNamedByItsRowAndColumn() {
        List<Object> badDate = farmland("2099-AGR-902");
        badDate.set(10, "2022-02-30");
        List<Object> badTarget = farmland("2099-AGR-903");
        badTarget.set(8, "高标准农田 60000 亩");
        List<Object> badSector = farmland("2099-AGR-904");
        badSector.set(1, "农业农村");
        List<Object> noId = farmland("");
        List<Object> longTitle = farmland("2099-AGR-905");
        longTitle.set(2, "一个超过三十个字的任务名称一个超过三十个字的任务名称一个超过三十个字的任务名称");

        List<RowError> errors = refusal(List.of(SheetFiles.HEADER, farmland("2099-AGR-901"), badDate, badTarget,
                List.of(), badSector, noId, longTitle, farmland("2099-AGR-901")));

        assertThat(errors).extracting(RowError::row).containsExactly(
                "row 3, 完成时限 (deadline)", "row 4, 目标 (targets)", "row 6, 领域 (sector)", "row 7, 任务编号 (id)",
                "row 8, 任务名称 (title)", "row 9, 任务编号 (id)");
        assertThat(errors.get(0).message()).contains("2022-02-30");
        assertThat(errors.get(1).message()).contains("metric:value:unit");
        assertThat(errors.get(5).message()).contains("row 2");
    }

    @Test
    void theSchemaNamesTheItemOfAListCell() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(8, "高标准农田:60000:亩; 投资:9000:元");
        assertThat(refusal(List.of(SheetFiles.HEADER, row)))
                .containsExactly(new RowError("row 2, 目标 (targets)", "item 2, unit: must be the constant value '万元'"));
    }

    @Test
    void aMissingColumnIsNamedBeforeAnyRowIsRead() {
        List<Object> header = new ArrayList<>(SheetFiles.HEADER);
        header.set(10, "完成时间");
        assertThat(refusal(List.of(header, farmland("2099-AGR-901"))))
                .containsExactly(new RowError("row 1", "no column 完成时限 (deadline)"));
    }

    @Test
    void aDeadlineBeforeThePlannedStartIsARowErrorNotAFailureLater() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(10, "2021-12-31");
        List<RowError> errors = catchThrowableOfType(LedgerException.class,
                () -> LedgerSheet.read(rows(List.of(SheetFiles.HEADER, row)), "2022", null)).errors();
        assertThat(errors).extracting(RowError::row).containsExactly("row 2, 完成时限 (deadline)");
    }

    @Test
    void aBadYearIsNamedAsTheQueryParameter() {
        List<RowError> errors = catchThrowableOfType(LedgerException.class,
                () -> LedgerSheet.read(rows(List.of(SheetFiles.HEADER, farmland("2099-AGR-901"))), "二〇二二", "5月底"))
                .errors();
        assertThat(errors).extracting(RowError::row).containsExactly("year (query parameter)",
                "plannedStart (query parameter)");
    }

    @Test
    void theTemplateReadsBackAsThePingyaoTasksItShows() {
        LedgerFile read = LedgerSheet.read(XlsxSheet.read(LedgerSheet.template()), null, null).ledger();
        LedgerFile pingyao = LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json"));

        assertThat(read.tasks()).extracting(LedgerFile.Entry::id).containsExactlyElementsOf(LedgerSheet.EXAMPLE_IDS);
        assertThat(read.snapshots()).containsExactlyElementsOf(pingyao.snapshots().stream()
                .filter(t -> LedgerSheet.EXAMPLE_IDS.contains(t.id())).toList());
    }
}
