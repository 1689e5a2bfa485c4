package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOffice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.events.EventCodec;
import cn.duban.events.EventType;
import cn.duban.events.Topics;
import cn.duban.supervision.ledger.SheetFiles;
import cn.duban.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** POST /api/supervision/ledger/import with the sheets offices keep, against the real database and broker. */
@QuarkusTest
class LedgerSheetImportTest extends AsTheOffice {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    /** A new agriculture task; {@code run} makes its text this run's own, so its events can be told apart. */
    static List<Object> task(String id, String run) {
        return new ArrayList<>(List.of(id, "agriculture", "新建高标准农田 " + id, "投资9000万元,启建6万亩高标准农田 " + run,
                "一、测试 / 挖潜增产促增收", "县农业农村局", "县财政局、县自然资源局", "分管农业农村工作的副县长",
                "高标准农田:60000:亩; 投资:9000:万元", "开工:2022-04-30; 完工:2022-11-30", LocalDate.of(2022, 12, 31),
                "重点项目", "MONTHLY"));
    }

    static List<List<Object>> sheet(List<Object>... rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(SheetFiles.HEADER);
        all.addAll(List.of(rows));
        return all;
    }

    static ValidatableResponse post(String contentType, byte[] body) {
        return given().contentType(contentType).body(body).post("/api/supervision/ledger/import").then();
    }

    @Test
    void aWorkbookAssignsItsTasksAndTheSameWorkbookAgainPublishesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object> first = task("2099-AGR-901", run);
        List<Object> second = task("2099-AGR-902", run);
        second.set(9, "");
        byte[] workbook = SheetFiles.xlsx(sheet(first, second));

        post(XLSX, workbook).statusCode(200).body("assigned", is(2)).body("updated", is(0)).body("unchanged", is(0));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-901").then().statusCode(200)
                .body("sector", equalTo("agriculture"))
                .body("leadUnit", equalTo("县农业农村局"))
                .body("coUnits", contains("县财政局", "县自然资源局"))
                .body("targets.find { it.metric == '高标准农田' }.value", is(60000))
                .body("targets.find { it.metric == '投资' }.unit", equalTo("万元"))
                .body("milestones.name", contains("开工", "完工"))
                .body("milestones[1].due", equalTo("2022-11-30"))
                .body("deadline", equalTo("2022-12-31"))
                .body("plannedStart", equalTo("2022-01-01"));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-902").then().statusCode(200).body("milestones", hasSize(0));

        post(XLSX, workbook).statusCode(200).body("assigned", is(0)).body("updated", is(0)).body("unchanged", is(2));

        // A changed title is a TaskUpdated on each task's own key, so in its partition after anything the
        // second import might have published: once both are read, whatever came between has been read too.
        first.set(2, "新建高标准农田(调整)");
        second.set(2, "新建高标准农田(调整)");
        post(XLSX, SheetFiles.xlsx(sheet(first, second))).statusCode(200).body("updated", is(2));

        List<String> ids = List.of("2099-AGR-901", "2099-AGR-902");
        Set<String> updated = new HashSet<>();
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.TASKS, Duration.ofSeconds(60), r -> {
            if (ours(r, run) && EventType.TASK_UPDATED.ceType().equals(KafkaTestClient.header(r, EventCodec.H_TYPE))) {
                updated.add(r.key());
            }
            return updated.containsAll(ids);
        });
        for (String id : ids) {
            assertThat(records.stream().filter(r -> id.equals(r.key()) && ours(r, run))
                    .map(r -> KafkaTestClient.header(r, EventCodec.H_TYPE)))
                    .as("events of %s in this run", id)
                    .containsExactly(EventType.TASK_ASSIGNED.ceType(), EventType.TASK_UPDATED.ceType());
        }
    }

    private static boolean ours(ConsumerRecord<String, byte[]> record, String run) {
        return new String(record.value(), StandardCharsets.UTF_8).contains(run);
    }

    @Test
    void oneBadRowRefusesTheWholeWorkbookNamingThatRow() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object> bad = task("2099-AGR-912", run);
        bad.set(8, "高标准农田:六万:亩");
        List<Object> unknownUnit = task("2099-AGR-913", run);

        post(XLSX, SheetFiles.xlsx(sheet(task("2099-AGR-911", run), bad, task("2099-AGR-914", run))))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:invalid-ledger"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("第 3 行，目标 (targets)"))
                .body("errors[0].message", containsString("六万"))
                .body("errors[0].message", containsString("不是数字"));
        given().contentType(XLSX).header("Accept-Language", "en")
                .body(SheetFiles.xlsx(sheet(task("2099-AGR-911", run), bad, task("2099-AGR-914", run))))
                .post("/api/supervision/ledger/import").then().statusCode(400)
                .body("detail", containsString("nothing was imported"))
                .body("errors[0].field", equalTo("row 3, 目标 (targets)"))
                .body("errors[0].message", containsString("is not a number"));

        // an unknown unit is found by the import itself, and still named by its row
        unknownUnit.set(5, "县农业局");
        post(XLSX, SheetFiles.xlsx(sheet(task("2099-AGR-911", run), task("2099-AGR-914", run), unknownUnit)))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("第 4 行，牵头单位 (leadUnit)"))
                .body("errors[0].message", containsString("县农业局"));

        for (String id : List.of("2099-AGR-911", "2099-AGR-912", "2099-AGR-913", "2099-AGR-914")) {
            given().get("/api/supervision/tasks/{id}", id).then().statusCode(404);
        }
    }

    @Test
    void aCsvSheetImportsLikeAWorkbook() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object> withCommas = task("2099-LIV-921", run);
        withCommas.set(1, "民生");
        withCommas.set(2, "城区\"十乱\"专项整治,年内见效");
        withCommas.set(4, "六、测试 / 狠抓责任落实,抓好安全生产");
        withCommas.set(5, "县城市管理局");
        withCommas.set(6, "");
        withCommas.set(7, "分管城乡建设工作的副县长");
        withCommas.set(8, "");
        withCommas.set(10, "2022-10-31");
        withCommas.set(11, "");

        post(CSV, SheetFiles.csv(sheet(withCommas))).statusCode(200).body("assigned", is(1));
        given().get("/api/supervision/tasks/{id}", "2099-LIV-921").then().statusCode(200)
                .body("sector", equalTo("livelihood"))
                .body("title", equalTo("城区\"十乱\"专项整治,年内见效"))
                .body("section", contains("六、测试", "狠抓责任落实,抓好安全生产"))
                .body("targets", hasSize(0))
                .body("deadline", equalTo("2022-10-31"));
    }

    @Test
    void aCsvRowWithABadDateIsNamedAndNothingIsImported() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object> badDate = task("2099-AGR-932", run);
        badDate.set(10, "10月底前");

        post(CSV + "; charset=utf-8", SheetFiles.csv(sheet(task("2099-AGR-931", run), badDate)))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:invalid-ledger"))
                .body("errors.field", contains("第 3 行，完成时限 (deadline)"))
                .body("errors[0].message", containsString("10月底前"));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-931").then().statusCode(404);
        given().get("/api/supervision/tasks/{id}", "2099-AGR-932").then().statusCode(404);
    }

    @Test
    void garbageIsAProblemNeverAFailure() {
        post(XLSX, "this is not a workbook".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:unreadable-sheet"));
        post(XLSX, new byte[0]).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("请求体为空"));
        // a zip that is no workbook
        post(XLSX, new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
                .statusCode(400).contentType("application/problem+json");
        post(CSV, new byte[] {(byte) 0x80, (byte) 0xFF, 0x00, (byte) 0xFE})
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("GBK"));
        post(CSV, new byte[0]).statusCode(400).contentType("application/problem+json");
        post("application/vnd.ms-excel", new byte[] {1, 2, 3}).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:unreadable-sheet"));
        post("application/vnd.oasis.opendocument.spreadsheet", new byte[] {1, 2, 3}).statusCode(415)
                .contentType("application/problem+json");
        given().contentType(XLSX).body(SheetFiles.xlsx(sheet(task("2099-AGR-941", "x"))))
                .queryParam("year", "明年").post("/api/supervision/ledger/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("year（查询参数）"));
    }

    @Test
    void theTemplateDownloadsAndItsRowsReadBackAsTheLedgerHasThem() throws Exception {
        byte[] template = given().get("/api/supervision/ledger/template.xlsx").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet ledger = workbook.getSheetAt(0);
            Row header = ledger.getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            List<String> expected = new ArrayList<>(SheetFiles.HEADER.stream().map(Object::toString).toList());
            expected.add("分月计划"); // optional, empty in the examples: the seed ledger has no monthly plans
            assertThat(names).containsExactlyElementsOf(expected);
            assertThat(ledger.getLastRowNum()).isEqualTo(2);
            assertThat(ledger.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2022-AGR-003");
        }

        // the examples are tasks of the seed ledger, exactly: importing the template changes nothing
        post(XLSX, template).statusCode(200).body("assigned", is(0)).body("updated", is(0)).body("unchanged", is(2));
    }

    @Test
    void aGbkSheetAndAUtf8SheetWithAByteOrderMarkImportTheSame() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<Object>> rows = sheet(task("2099-AGR-951", run), task("2099-AGR-952", run));
        byte[] utf8WithBom = SheetFiles.csv(rows); // Excel's "CSV UTF-8"
        byte[] gbk = new String(utf8WithBom, StandardCharsets.UTF_8).substring(1).getBytes(Charset.forName("GBK")); // "CSV"

        post(CSV, gbk).statusCode(200).body("assigned", is(2));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-951").then().statusCode(200)
                .body("leadUnit", equalTo("县农业农村局")).body("title", equalTo("新建高标准农田 2099-AGR-951"));
        post(CSV, utf8WithBom).statusCode(200).body("assigned", is(0)).body("updated", is(0)).body("unchanged", is(2));
    }

    @Test
    void anXlsWorkbookImportsLikeAnXlsxWorkbook() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] xls = SheetFiles.xls(sheet(task("2099-AGR-971", run)));

        post("application/vnd.ms-excel", xls).statusCode(200).body("assigned", is(1));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-971").then().statusCode(200)
                .body("deadline", equalTo("2022-12-31")).body("milestones.name", contains("开工", "完工"));
        post(XLSX, SheetFiles.xlsx(sheet(task("2099-AGR-971", run)))).statusCode(200).body("unchanged", is(1));
    }

    @Test
    void aHugeExponentInACellIsRefusedNamingItsRowAndNothingIsImported() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object> huge = task("2099-AGR-982", run);
        huge.set(8, "高标准农田:1E+999999999:亩; 投资:9000:万元");

        post(XLSX, SheetFiles.xlsx(sheet(task("2099-AGR-981", run), huge))).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:invalid-ledger"))
                .body("errors.field", contains("第 3 行，目标 (targets)"))
                .body("errors[0].message", containsString("超出范围"));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-981").then().statusCode(404);
        given().get("/api/supervision/tasks/{id}", "2099-AGR-982").then().statusCode(404);
    }

    @Test
    void aSheetOverTheRowLimitIsA413AndChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(new String(SheetFiles.csv(sheet(task("2099-AGR-991", run))),
                StandardCharsets.UTF_8));
        for (int i = 0; i < 10_000; i++) {
            csv.append("2099-AGR-992,agriculture\r\n");
        }
        post(CSV, csv.toString().getBytes(StandardCharsets.UTF_8)).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:too-large"))
                .body("detail", containsString("10000 行"));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-991").then().statusCode(404);
    }

    @Test
    void aSheetOverTheSizeLimitIsA413AndChangesNothing() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        post(CSV, big).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:too-large"))
                .body("detail", containsString("10485760"));
        given().contentType(XLSX).header("Accept-Language", "en").body(big).post("/api/supervision/ledger/import")
                .then().statusCode(413).body("detail", containsString("nothing was imported"));
    }
}
