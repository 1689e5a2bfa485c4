package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOffice;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.events.Envelope;
import cn.duban.events.progress.EvidenceFile;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.supervision.ledger.SheetRow;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.supervision.ledger.XlsxSheet;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** GET …/ledger/export.xlsx and …/scorecards/export.xlsx, read back with the reader the import uses. */
@QuarkusTest
class ExportTest extends AsTheOffice {
    static final String XLSX = XlsxSheet.MEDIA_TYPE;
    static final List<String> HEADER = List.of("任务编号", "领域", "任务名称", "牵头单位", "配合单位", "责任领导", "完成时限",
            "状态", "亮灯", "完成进度(%)", "计划进度(%)", "未办结督办单", "最近报送日期", "完成时限依据");

    static List<SheetRow> ledger(Map<String, ?> filter) {
        byte[] body = given().queryParams(filter).get("/api/supervision/ledger/export.xlsx").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", startsWith("attachment; filename=\"ledger-"))
                .extract().asByteArray();
        return XlsxSheet.read(body);
    }

    /** The 完成时限 cell of a task's row as Excel holds it: a date only where the cell is a date-formatted number. */
    static LocalDate deadlineCell(String taskId) {
        byte[] body = given().get("/api/supervision/ledger/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (taskId.equals(row.getCell(0).getStringCellValue())) {
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(6);
                    return cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().toLocalDate() : null;
                }
            }
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> texts(SheetRow row) {
        return row.cells().stream().map(SheetRow.Cell::text).toList();
    }

    static JsonPath tasks(String query) {
        return given().get("/api/supervision/tasks?size=200" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theWholeLedgerWithEachTasksCurrentStanding() {
        List<SheetRow> rows = ledger(Map.of());
        assertThat(texts(rows.get(0))).isEqualTo(HEADER);
        JsonPath all = tasks("");
        assertThat(rows).hasSize(all.getInt("total") + 1);
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.cell(0).text()).toList())
                .isEqualTo(all.getList("items.id"));

        SheetRow row = rows.stream().filter(r -> r.cell(0).text().equals("2022-IND-010")).findFirst().orElseThrow();
        JsonPath task = given().get("/api/supervision/tasks/2022-IND-010").then().statusCode(200).extract().jsonPath();
        assertThat(row.cell(1).text()).as("the sector as the office names it").isEqualTo("工业");
        assertThat(row.cell(2).text()).isEqualTo(task.getString("title"));
        // the report names no unit and no leader: the ledger assumed them, and the export says so
        assertThat(row.cell(3).text()).isEqualTo(task.getString("leadUnit") + "（推定）");
        assertThat(row.cell(4).text()).isEqualTo(String.join("、", task.<String>getList("coUnits")) + "（推定）");
        assertThat(row.cell(5).text()).isEqualTo(task.getString("leader") + "（推定）");
        assertThat(row.cell(13).text()).as("its deadline is the report's own words").isEqualTo("报告原文「10月底前」");
        assertThat(row.cell(6).text()).isEqualTo(task.getString("deadline"));
        assertThat(deadlineCell("2022-IND-010")).as("a true date cell, so Excel sorts and filters it as a date")
                .isEqualTo(LocalDate.parse(task.getString("deadline")));
        assertThat(row.cell(7).text()).as("the status in Chinese")
                .isEqualTo(TaskStatus.valueOf(task.getString("status")).label());
        assertThat(row.cell(8).text()).as("the light in Chinese").isEqualTo(Light.valueOf(task.getString("light")).label());
        assertThat(row.cell(9).text()).isEqualTo(task.getString("progress.percent"));
        assertThat(row.cell(10).text()).isEqualTo(task.getString("progress.expectedPercent"));
        long open = task.<String>getList("alerts.state").stream().filter(s -> !s.equals("RESOLVED")).count();
        assertThat(row.cell(11).text()).isEqualTo(Long.toString(open));
        String latest = task.getString("progress.latest.asOf");
        assertThat(row.cell(12).text()).isEqualTo(latest == null ? "" : latest);
    }

    @Test
    void filtersAreTheTaskListsFilters() {
        for (String filter : List.of("sector=industry", "unit=县文物局", "light=GREEN", "status=NOT_STARTED",
                "sector=agriculture&light=GREEN")) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            for (String pair : filter.split("&")) {
                params.put(pair.split("=")[0], pair.split("=")[1]);
            }
            List<SheetRow> rows = ledger(params);
            assertThat(rows.subList(1, rows.size()).stream().map(r -> r.cell(0).text()).toList()).as(filter)
                    .isEqualTo(tasks("&" + filter).getList("items.id"));
        }
        List<SheetRow> industry = ledger(Map.of("sector", "industry"));
        assertThat(industry).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r.number() == 1 || r.cell(1).text().equals("工业")).isTrue());
    }

    @Test
    void badFiltersAreProblemsNotWorkbooks() {
        given().get("/api/supervision/ledger/export.xlsx?light=PURPLE").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("light"));
        given().get("/api/supervision/ledger/export.xlsx?sector=mining").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void reportersExportWhatTheyMaySee() {
        TestTokens.actAs(TestTokens.sectorReporter("agriculture"));
        List<SheetRow> rows = ledger(Map.of());
        assertThat(rows).hasSize(tasks("&sector=agriculture").getInt("total") + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.cell(1).text()).isEqualTo("三农"));
        given().get("/api/supervision/ledger/export.xlsx?sector=industry").then().statusCode(403);

        TestTokens.actAs(TestTokens.unitReporter("agriculture-bureau", "agriculture", "县农业农村局"));
        List<SheetRow> own = ledger(Map.of());
        assertThat(own).hasSizeGreaterThan(1);
        assertThat(own.subList(1, own.size())).allSatisfy(r -> assertThat(
                r.cell(3).text().replace("（推定）", "").equals("县农业农村局") || r.cell(4).text().contains("县农业农村局"))
                .isTrue());
    }

    @Test
    void whoMayExport() {
        TestTokens.actAs(null);
        given().get("/api/supervision/ledger/export.xlsx").then().statusCode(401);
        given().get("/api/supervision/scorecards/export.xlsx").then().statusCode(401);
        TestTokens.actAs(TestTokens.leader("分管工业工作的副县长"));
        given().get("/api/supervision/ledger/export.xlsx").then().statusCode(200).contentType(XLSX);
        given().get("/api/supervision/scorecards/export.xlsx").then().statusCode(200).contentType(XLSX);
    }

    @Test
    void scorecardsAsTwoRankedSheets() throws IOException {
        JsonPath board = given().get("/api/supervision/scorecards").then().statusCode(200).extract().jsonPath();
        byte[] body = given().get("/api/supervision/scorecards/export.xlsx").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();

        List<SheetRow> units = XlsxSheet.read(body);
        assertThat(texts(units.get(0))).containsExactly("排名", "名称", "领域", "得分", "牵头任务", "按期办结", "逾期办结",
                "逾期未办结", "配合任务", "应报送", "按时报送", "升级督办");
        assertThat(units).hasSize(board.getList("units").size() + 1);
        assertThat(units.get(1).cell(0).text()).isEqualTo("1");
        assertThat(units.get(1).cell(1).text()).isEqualTo(board.getString("units[0].name"));
        assertThat(units.get(1).cell(4).text()).isEqualTo(board.getString("units[0].facts.led.tasks"));
        assertThat(new java.math.BigDecimal(units.get(1).cell(3).text()))
                .isEqualByComparingTo(board.getString("units[0].score"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("单位排名");
            Sheet sectors = workbook.getSheet("领域排名");
            assertThat(sectors.getLastRowNum()).isEqualTo(board.getList("sectors").size());
            Row first = sectors.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(board.getString("sectors[0].name"));
        }

        byte[] industry = given().get("/api/supervision/scorecards/export.xlsx?sector=industry").then().statusCode(200)
                .extract().asByteArray();
        assertThat(XlsxSheet.read(industry).subList(1, XlsxSheet.read(industry).size()))
                .allSatisfy(r -> assertThat(r.cell(2).text()).isEqualTo("工业"));
    }

    @Test
    void theLedgersSecondSheetListsEachReportsEvidenceWithWhatThePhotoSays() throws IOException {
        String reportId = "R-" + java.util.UUID.randomUUID();
        String file = "EV-" + java.util.UUID.randomUUID();
        EvidenceFile old = new EvidenceFile(file, "现场.jpg", "ab".repeat(32), "image/jpeg", 183_000,
                java.time.OffsetDateTime.parse("2021-05-03T10:00:00+08:00"), new EvidenceFile.Place(37.20081, 112.17654), true);
        KafkaTestClient.send(Envelope.of("agriculture", "agriculture", java.time.OffsetDateTime.now(), new ProgressReported(
                reportId, "2022-AGR-003", "agriculture", "县农业农村局", LocalDate.of(2022, 2, 28),
                List.of(new Figure("高标准农田", new java.math.BigDecimal(1500))), null, null, List.of(), "测试佐证", null, null,
                List.of(file, "https://example.org/a.jpg"), false, java.time.OffsetDateTime.now(), "agriculture", null, null,
                List.of(old))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/supervision/tasks/2022-AGR-003").then().statusCode(200)
                .body("progress.history.find { it.reportId == '" + reportId + "' }.evidenceFiles[0].takenBeforePeriod",
                        org.hamcrest.Matchers.equalTo(true)));

        byte[] body = given().get("/api/supervision/ledger/export.xlsx?sector=agriculture").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet evidence = workbook.getSheet("佐证材料");
            assertThat(evidence.getRow(0).getCell(4).getStringCellValue()).isEqualTo("佐证材料");
            List<Row> rows = new java.util.ArrayList<>();
            evidence.forEach(r -> {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals(reportId)) {
                    rows.add(r);
                }
            });
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCell(4).getStringCellValue()).isEqualTo("现场.jpg");
            assertThat(rows.get(0).getCell(7).getStringCellValue()).isEqualTo("ab".repeat(32));
            assertThat(rows.get(0).getCell(9).getStringCellValue()).isEqualTo("37.20081, 112.17654");
            assertThat(rows.get(0).getCell(10).getStringCellValue()).isEqualTo("拍摄时间早于报告期");
            assertThat(rows.get(0).getCell(11).getStringCellValue()).isEqualTo("/api/agriculture/evidence/" + file);
            assertThat(rows.get(1).getCell(5).getStringCellValue()).isEqualTo("链接");
            assertThat(rows.get(1).getCell(10).getStringCellValue()).isEqualTo("未上传文件,无法核验");
        }
    }
}
