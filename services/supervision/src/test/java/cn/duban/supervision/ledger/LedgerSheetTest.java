package cn.duban.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.LedgerReader.LedgerException.RowError;
import cn.duban.text.Text;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

        assertThat(errors).extracting(e -> e.row().en()).containsExactly(
                "row 3, 完成时限 (deadline)", "row 4, 目标 (targets)", "row 6, 领域 (sector)", "row 7, 任务编号 (id)",
                "row 8, 任务名称 (title)", "row 9, 任务编号 (id)");
        assertThat(errors).extracting(e -> e.row().zh()).startsWith("第 3 行，完成时限 (deadline)", "第 4 行，目标 (targets)");
        assertThat(errors.get(0).message().en()).contains("2022-02-30");
        assertThat(errors.get(0).message().zh()).contains("2022-02-30", "不是日期");
        assertThat(errors.get(1).message().en()).contains("metric:value:unit");
        assertThat(errors.get(1).message().zh()).contains("指标:数值:单位");
        assertThat(errors.get(5).message().en()).contains("row 2");
        assertThat(errors.get(5).message().zh()).contains("第 2 行");
    }

    @Test
    void typesStrengthsBaselinesAndKindAreReadInEitherLanguage() {
        List<Object> row = farmland("2099-LIV-901");
        row.set(1, "livelihood");
        row.set(6, "");
        row.set(8, "城镇登记失业率:4.5:%:上限:确保:3.81; 项目开工率:55:%:LEVEL:STRIVE; 投资:9000:万元:总投资");
        row.set(11, "");
        row.add("工作");
        LedgerFile.Entry task = LedgerSheet.read(rows(List.of(SheetFiles.HEADER, row)), "2022", null).ledger().tasks().get(0);

        assertThat(task.kind()).isEqualTo("WORK");
        assertThat(task.targets()).containsExactly(
                new Target("城镇登记失业率", "%", new BigDecimal("4.5"), "CEILING", "MUST", new BigDecimal("3.81")),
                new Target("项目开工率", "%", new BigDecimal("55"), "LEVEL", "STRIVE", null),
                new Target("投资", "万元", new BigDecimal("9000"), "PROJECT_TOTAL", null, null));
        assertThat(LedgerSheet.cells(task).get(8).text())
                .isEqualTo("城镇登记失业率:4.5:%:上限:确保:3.81; 项目开工率:55:%:达到值:力争; 投资:9000:万元:总投资");
    }

    @Test
    void anOldSheetWithoutKindOrTypesReadsWithTheDefaults() {
        LedgerFile.Entry task = LedgerSheet.read(rows(List.of(SheetFiles.HEADER.subList(0, 13), farmland("2099-AGR-901"))),
                null, null).ledger().tasks().get(0);

        var snapshot = task.toSnapshot(2022, LocalDate.of(2022, 1, 1));
        assertThat(snapshot.kind()).isEqualTo("PROJECT"); // 重点项目
        assertThat(snapshot.targets()).extracting(Target::type, Target::strength)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("AMOUNT", "MUST"));
    }

    @Test
    void aBadTypeStrengthOrKindIsRefusedInChineseWithTheWordsAllowed() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(8, "城镇登记失业率:4.5:%:天花板; 投资:9000:万元:累计量:尽量");
        row.add("任务");

        List<RowError> errors = refusal(List.of(SheetFiles.HEADER, row));

        assertThat(errors).extracting(e -> e.row().zh()).containsExactly("第 2 行，目标 (targets)", "第 2 行，目标 (targets)",
                "第 2 行，任务类型 (kind)");
        assertThat(errors.get(0).message().zh()).contains("天花板", "不是目标类型", "上限", "增长率");
        assertThat(errors.get(1).message().zh()).contains("尽量", "确保", "力争");
        assertThat(errors.get(2).message().zh()).contains("任务", "指标 / 项目 / 工作");
    }

    @Test
    void theSchemaNamesTheItemOfAListCell() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(8, "高标准农田:60000:亩; 投资:9000:元");
        assertThat(refusal(List.of(SheetFiles.HEADER, row))).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(new Text("第 2 行，目标 (targets)", "row 2, 目标 (targets)"));
            assertThat(e.message()).isEqualTo(new Text("第 2 项，unit：必须是“万元”",
                    "item 2, unit: must be the constant value '万元'"));
        });
    }

    @Test
    void aMissingColumnIsNamedBeforeAnyRowIsRead() {
        List<Object> header = new ArrayList<>(SheetFiles.HEADER);
        header.set(10, "完成时间");
        assertThat(refusal(List.of(header, farmland("2099-AGR-901"))))
                .containsExactly(new RowError(new Text("第 1 行", "row 1"),
                        new Text("缺少列 完成时限 (deadline)", "no column 完成时限 (deadline)"), null));
    }

    @Test
    void aDeadlineBeforeThePlannedStartIsARowErrorNotAFailureLater() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(10, "2021-12-31");
        List<RowError> errors = catchThrowableOfType(LedgerException.class,
                () -> LedgerSheet.read(rows(List.of(SheetFiles.HEADER, row)), "2022", null)).errors();
        assertThat(errors).extracting(e -> e.row().en()).containsExactly("row 2, 完成时限 (deadline)");
        assertThat(errors.get(0).message().zh()).contains("早于台账的计划开始日期 2022-01-01");
    }

    @Test
    void aBadYearIsNamedAsTheQueryParameter() {
        List<RowError> errors = catchThrowableOfType(LedgerException.class,
                () -> LedgerSheet.read(rows(List.of(SheetFiles.HEADER, farmland("2099-AGR-901"))), "二〇二二", "5月底"))
                .errors();
        assertThat(errors).extracting(e -> e.row().en()).containsExactly("year (query parameter)",
                "plannedStart (query parameter)");
        assertThat(errors).extracting(e -> e.row().zh()).containsExactly("year（查询参数）", "plannedStart（查询参数）");
    }

    @Test
    void theTemplateReadsBackAsThePingyaoTasksItShows() {
        LedgerFile read = LedgerSheet.read(XlsxSheet.read(LedgerSheet.template()), null, null).ledger();
        LedgerFile pingyao = LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json"));

        assertThat(read.tasks()).extracting(LedgerFile.Entry::id).containsExactlyElementsOf(LedgerSheet.EXAMPLE_IDS);
        assertThat(read.snapshots()).containsExactlyElementsOf(pingyao.snapshots().stream()
                .filter(t -> LedgerSheet.EXAMPLE_IDS.contains(t.id())).toList());
    }

    @Test
    @Timeout(60) // a guard against a hung build, not a speed assertion: expanding 1E+999999999 would not end
    void aHugeExponentInATargetCellIsRefusedWithoutBeingExpanded() {
        List<Object> huge = farmland("2099-AGR-901");
        huge.set(8, "高标准农田:1E+999999999:亩");
        List<Object> thousand = farmland("2099-AGR-902");
        thousand.set(8, "高标准农田:1e1000:亩; 投资:0.00001:万元");

        for (List<SheetRow> sheet : List.of(rows(List.of(SheetFiles.HEADER, huge, thousand)),
                CsvSheet.read(SheetFiles.csv(List.of(SheetFiles.HEADER, huge, thousand))))) {
            List<RowError> errors = catchThrowableOfType(LedgerException.class,
                    () -> LedgerSheet.read(sheet, null, null)).errors();
            assertThat(errors).extracting(e -> e.row().en()).containsExactly("row 2, 目标 (targets)",
                    "row 3, 目标 (targets)", "row 3, 目标 (targets)");
            assertThat(errors.get(0).message().zh()).contains("1E+999999999", "超出范围", "15 位");
            assertThat(errors.get(0).message().en()).contains("out of range");
            assertThat(errors.get(2).message().zh()).contains("小数最多 4 位");
        }
    }

    @Test
    void aNumericCellPastTheBoundsIsRefusedAsTooLarge() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(8, "");
        List<List<Object>> sheet = new ArrayList<>(List.of(SheetFiles.HEADER, row));
        List<SheetRow> read = rows(sheet);
        assertThat(read.get(1).cell(8).isBlank()).isTrue();

        row.set(8, "高标准农田:" + XlsxSheet.plain(1e300) + ":亩");
        assertThat(refusal(sheet)).singleElement().satisfies(e -> assertThat(e.message().en()).contains("out of range"));
    }

    @Test
    void anXlsWorkbookReadsLikeAnXlsxWorkbook() {
        List<Object> row = farmland("2099-AGR-901");
        row.set(10, LocalDate.of(2022, 12, 31));
        List<List<Object>> sheet = List.of(SheetFiles.HEADER, row);

        List<SheetRow> fromXls = SheetFormat.XLS.read(SheetFiles.xls(sheet), SheetLimits.DEFAULT);
        List<SheetRow> fromXlsx = SheetFormat.XLSX.read(SheetFiles.xlsx(sheet), SheetLimits.DEFAULT);
        assertThat(fromXls).isEqualTo(fromXlsx);
        assertThat(LedgerSheet.read(fromXls, null, null).ledger().tasks().get(0).deadline())
                .isEqualTo(LocalDate.of(2022, 12, 31));
        // told by its bytes, whatever it was sent as
        assertThat(SheetFormat.XLSX.read(SheetFiles.xls(sheet), SheetLimits.DEFAULT)).isEqualTo(fromXlsx);
    }

    @Test
    void anXlsWorkbookPastItsSmallLimitIsRefusedWithTheAdviceToSaveItAsXlsx() {
        byte[] xls = SheetFiles.xls(List.of(SheetFiles.HEADER, farmland("2099-AGR-901")));
        SheetLimitException e = catchThrowableOfType(SheetLimitException.class,
                () -> SheetFormat.XLS.read(xls, new SheetLimits(10, xls.length - 1, SheetLimits.DEFAULT.maxUnzippedBytes())));
        assertThat(e.reason().zh()).contains(".xlsx");
    }

    @Test
    void aWorkbookIsReadNoFurtherThanTheRowLimit() {
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(SheetFiles.HEADER);
        for (int i = 0; i < 20; i++) {
            sheet.add(farmland("2099-AGR-9" + (10 + i)));
        }
        SheetLimits ten = new SheetLimits(10, SheetLimits.DEFAULT.maxXlsBytes(), SheetLimits.DEFAULT.maxUnzippedBytes());
        for (byte[] workbook : List.of(SheetFiles.xlsx(sheet), SheetFiles.xls(sheet))) {
            assertThat(catchThrowableOfType(SheetLimitException.class, () -> SheetFormat.XLSX.read(workbook, ten))
                    .reason().en()).contains("more than 10 task rows");
        }
        assertThat(SheetFormat.XLSX.read(SheetFiles.xlsx(sheet), SheetLimits.DEFAULT)).hasSize(21);
    }

    @Test
    void aWorkbookWhosePartsUnzipPastTheLimitIsRefused() {
        byte[] workbook = SheetFiles.xlsx(List.of(SheetFiles.HEADER, farmland("2099-AGR-901")));
        try {
            assertThat(catchThrowableOfType(SheetLimitException.class,
                    () -> XlsxSheet.read(workbook, new SheetLimits(10, 1, 200))).reason().en()).contains("unzips");
        } finally {
            XlsxSheet.read(workbook, SheetLimits.DEFAULT); // POI's guard is process-wide: back to the default
        }
    }

    @Test
    void notAWorkbookIsUnreadableInBothLanguages() {
        UnreadableSheetException e = catchThrowableOfType(UnreadableSheetException.class,
                () -> SheetFormat.XLSX.read("no workbook".getBytes(StandardCharsets.UTF_8), SheetLimits.DEFAULT));
        assertThat(e.reason().zh()).contains("工作簿");
        assertThat(e.reason().en()).contains("workbook");
    }
}
