package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOffice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** POST /api/supervision/ledger/drafts and the review that follows, against the real database and broker. */
@QuarkusTest
class LedgerDraftResourceTest extends AsTheOffice {
    static final String DRAFTS = "/api/supervision/ledger/drafts";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static byte[] resource(String name) throws IOException {
        try (InputStream in = LedgerDraftResourceTest.class.getResourceAsStream("/reports/" + name)) {
            return in.readAllBytes();
        }
    }

    static JsonPath draft(byte[] body, String type, int year) {
        return given().contentType(type).queryParam("year", year).queryParam("name", "云岭县报告")
                .body(body).post(DRAFTS).then().statusCode(201)
                .header("Location", startsWith("http")).extract().jsonPath();
    }

    @Test
    void aReportBecomesADraftWhoseFieldsAreProposedAndQuoteTheReport() throws IOException {
        JsonPath draft = draft(resource("yunling-2023-report.txt"), "text/plain; charset=UTF-8", 2061);
        String report = draft.getString("report");
        assertThat(draft.getInt("year")).isEqualTo(2061);
        assertThat(draft.getList("tasks")).hasSize(17);
        List<Map<String, Object>> tasks = draft.getList("tasks");
        for (Map<String, Object> t : tasks) {
            assertThat(t.get("state")).isEqualTo("PROPOSED");
            assertThat(report.substring((int) t.get("start"), (int) t.get("end"))).isEqualTo(t.get("text"));
            assertThat(((Map<?, ?>) t.get("deadline")).get("proposed")).isEqualTo(true);
        }
        Map<String, Object> mill = tasks.stream().filter(t -> ((String) t.get("text")).contains("丰禾公司")).findFirst()
                .orElseThrow();
        assertThat(((Map<?, ?>) mill.get("deadline")).get("value")).isEqualTo("2061-06-30");
        Map<?, ?> deadlineSource = (Map<?, ?>) ((Map<?, ?>) mill.get("deadline")).get("provenance");
        assertThat(deadlineSource.get("source")).isEqualTo("REPORT");
        assertThat(deadlineSource.get("quote")).isEqualTo("6月底前投产");
        assertThat(((Map<?, ?>) mill.get("strength")).get("value")).isEqualTo("STRIVE");
        assertThat((List<Map<String, Object>>) mill.get("targets")).extracting(x -> x.get("value") + " " + x.get("unit"))
                .containsExactly("5000 万元", "2000 吨");
        Map<?, ?> gdp = tasks.get(0);
        Map<?, ?> growth = ((List<Map<?, ?>>) gdp.get("targets")).get(1);
        assertThat(growth.get("type")).isEqualTo("GROWTH");
        assertThat(((Map<?, ?>) growth.get("baseline")).get("value")).isEqualTo(85.6f);

        given().get(DRAFTS + "/{id}", draft.getString("id")).then().statusCode(200)
                .body("tasks", hasSize(17)).body("counts.proposed", is(17));
        given().get(DRAFTS).then().statusCode(200).body("items.id", hasItem(draft.getString("id")));
    }

    @Test
    void theOfficeEditsMergesSplitsRejectsAndPublishesThroughTheOrdinaryImport() throws IOException {
        JsonPath draft = draft(resource("excerpt-no-headings.txt"), "text/plain", 2062);
        String id = draft.getString("id");
        String first = draft.getString("tasks[0].key");
        String second = draft.getString("tasks[1].key");
        String third = draft.getString("tasks[2].key");

        given().contentType("application/json").body(Map.of("title", "老旧小区改造15个", "leadUnit", "县住房和城乡建设管理局",
                "deadline", "2062-06-30")).put(DRAFTS + "/{id}/tasks/{key}", id, first).then().statusCode(200)
                .body("title.value", equalTo("老旧小区改造15个")).body("title.proposed", is(false))
                .body("title.provenance.source", equalTo("CONFIRMED"));
        JsonPath merged = given().contentType("application/json").body(Map.of("keys", List.of(second, third)))
                .post(DRAFTS + "/{id}/merge", id).then().statusCode(200).extract().jsonPath();
        assertThat(merged.getString("text")).startsWith("新建5G基站").endsWith("务必6月底前完成");
        assertThat(merged.getList("targets.unit")).contains("个", "公里", "万元");
        int at = merged.getInt("start") + merged.getString("text").indexOf("河道");
        given().contentType("application/json").body(Map.of("at", at))
                .post(DRAFTS + "/{id}/tasks/{key}/split", id, second).then().statusCode(200)
                .body("text", equalTo(List.of("新建5G基站120个，力争年底前实现乡镇全覆盖", "河道清淤40公里，投资1.5亿元，务必6月底前完成")));
        JsonPath afterSplit = given().get(DRAFTS + "/{id}", id).then().extract().jsonPath();
        String river = afterSplit.getString("tasks.find { it.text.startsWith('河道') }.key");
        given().post(DRAFTS + "/{id}/tasks/{key}/reject", id, river).then().statusCode(200).body("state", equalTo("REJECTED"));

        given().post(DRAFTS + "/{id}/publish", id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:duban:problem:draft-not-reviewed"));
        given().contentType("application/json").body(Map.of()).post(DRAFTS + "/{id}/accept", id).then().statusCode(200)
                .body("counts.proposed", is(0)).body("counts.accepted", is(2)).body("counts.rejected", is(1));
        JsonPath published = given().post(DRAFTS + "/{id}/publish", id).then().statusCode(200)
                .body("result.assigned", is(2)).extract().jsonPath();
        String houses = published.getString("ids." + first);
        assertThat(houses).startsWith("2062-URB-");
        given().get("/api/supervision/tasks/{id}", houses).then().statusCode(200)
                .body("title", equalTo("老旧小区改造15个")).body("deadline", equalTo("2062-06-30"))
                .body("leadUnit", equalTo("县住房和城乡建设管理局"))
                .body("targets.value", hasItem(15)).body("milestones.name", hasItem("完工"));
        given().post(DRAFTS + "/{id}/publish", id).then().statusCode(409);
        given().post(DRAFTS + "/{id}/tasks/{key}/accept", id, first).then().statusCode(409);
    }

    @Test
    void aWordDocumentAndAPdfAreReadLikeText() throws IOException {
        String text = new String(resource("yunling-2023-report.txt"), "UTF-8");
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            for (String line : text.split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(docx);
        }
        JsonPath fromWord = draft(docx.toByteArray(), DOCX, 2063);
        JsonPath fromPdf = draft(resource("yunling-2023-report.pdf"), "application/pdf", 2063);
        assertThat(fromWord.getString("report")).isEqualTo(text);
        assertThat(fromPdf.getString("report")).isEqualTo(text);
        assertThat(fromPdf.getList("tasks.text")).isEqualTo(fromWord.getList("tasks.text")).hasSize(17);
    }

    @Test
    void pastedTextWorksAndBadInputIsRefusedInChineseChangingNothing() {
        given().contentType("application/json").body(Map.of("text", "新建5G基站120个，力争年底前实现乡镇全覆盖。", "year", 2064))
                .post(DRAFTS).then().statusCode(201).body("tasks", hasSize(1))
                .body("tasks[0].deadline.value", equalTo("2064-12-31"));
        given().contentType("application/json").body(Map.of("text", "  ")).post(DRAFTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("report"));
        given().contentType("text/plain").body("新建5G基站120个。".getBytes(Charset.forName("GBK"))).post(DRAFTS)
                .then().statusCode(400).body("type", equalTo("urn:duban:problem:unreadable-report"))
                .body("detail", startsWith("文本不是 UTF-8 编码"));
        given().contentType(DOCX).body(new byte[] {1, 2, 3}).post(DRAFTS).then().statusCode(400)
                .body("type", equalTo("urn:duban:problem:unreadable-report"));
        given().contentType("application/pdf").body("not a pdf".getBytes()).post(DRAFTS).then().statusCode(400)
                .body("type", equalTo("urn:duban:problem:unreadable-report"));
        given().get(DRAFTS + "/{id}", "no-such-draft").then().statusCode(404).contentType("application/problem+json");

        String id = given().contentType("application/json")
                .body(Map.of("text", "新建5G基站120个，力争年底前实现乡镇全覆盖。", "year", 2064)).post(DRAFTS).then()
                .statusCode(201).extract().path("id");
        String key = "d001";
        given().contentType("application/json").body(Map.of("deadline", "10月底", "sector", "mars", "targets",
                List.of(Map.of("metric", "投资", "unit", "亿元", "value", 0)))).put(DRAFTS + "/{id}/tasks/{key}", id, key)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("deadline")).body("errors.field", hasItem("sector"))
                .body("errors.field", hasItem("targets[0].value")).body("errors.field", hasItem("targets[0].unit"));
        given().contentType("application/json").body(Map.of("keys", List.of(key))).post(DRAFTS + "/{id}/merge", id)
                .then().statusCode(400).body("errors.field", hasItem("keys"));
        given().contentType("application/json").body(Map.of("at", 0)).post(DRAFTS + "/{id}/tasks/{key}/split", id, key)
                .then().statusCode(400).body("errors.field", hasItem("at"));
        given().get(DRAFTS + "/{id}", id).then().body("tasks[0].deadline.value", equalTo("2064-12-31"))
                .body("tasks.state", everyItem(equalTo("PROPOSED")));
    }

    @Test
    void onlyTheOfficeMayDraft() {
        TestTokens.actAs(TestTokens.sectorReporter("agriculture"));
        given().contentType("application/json").body(Map.of("text", "新建5G基站120个。")).post(DRAFTS).then()
                .statusCode(403);
        given().get(DRAFTS).then().statusCode(403);
        TestTokens.actAs(TestTokens.leader("常务副县长"));
        given().get(DRAFTS).then().statusCode(403);
    }
}
