package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOffice;
import static cn.duban.supervision.LedgerTasks.importTasks;
import static cn.duban.supervision.LedgerTasks.newId;
import static cn.duban.supervision.LedgerTasks.view;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.supervision.LedgerTasks;
import cn.duban.supervision.ledger.SheetRow;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task view's provenance, and the office confirming or replacing what the report does not state. */
@QuarkusTest
class TaskProvenanceTest extends AsTheOffice {

    @Test
    void theTaskViewSaysWhatTheReportStatesAndWhatWasAssumed() {
        JsonPath coke = view("2022-IND-010");
        assertThat(coke.getString("provenance.deadline.source")).isEqualTo("REPORT");
        assertThat(coke.getString("provenance.deadline.quote")).isEqualTo("10月底前");
        for (String field : List.of("leadUnit", "coUnits", "leader", "plannedStart", "reportingCycle")) {
            assertThat(coke.getString("provenance." + field + ".source")).as(field).isEqualTo("ASSUMED");
            assertThat(coke.getString("provenance." + field + ".quote")).as(field).isNull();
        }
        // a task whose text gives no date: its year-end deadline is the ledger's assumption
        assertThat(view("2022-AGR-003").getString("provenance.deadline.source")).isEqualTo("ASSUMED");
    }

    @Test
    void theOfficeConfirmsAFieldAsItStandsOrReplacesIt() {
        String id = newId();
        importTask(id);
        assertThat(view(id).getString("provenance.leader.source")).isEqualTo("ASSUMED");
        assertThat(view(id).getString("provenance.deadline.source")).as("测试原文 has no date").isEqualTo("ASSUMED");

        given().contentType(ContentType.JSON).body("{}").put("/api/supervision/tasks/{id}/provenance/leader", id)
                .then().statusCode(200).body("leader.source", equalTo("CONFIRMED"))
                .body("leadUnit.source", equalTo("ASSUMED"));
        given().contentType(ContentType.JSON).body("{\"value\": \"县财政局\"}")
                .put("/api/supervision/tasks/{id}/provenance/leadUnit", id)
                .then().statusCode(200).body("leadUnit.source", equalTo("CONFIRMED"));

        JsonPath task = view(id);
        assertThat(task.getString("leadUnit")).isEqualTo("县财政局");
        assertThat(task.getString("leader")).as("confirmed as it stood").isEqualTo("分管农业农村工作的副县长");
        assertThat(task.getString("provenance.leader.source")).isEqualTo("CONFIRMED");
        assertThat(task.getList("audit.action")).contains("provenance.confirmed", "provenance.replaced");
        assertThat(task.getList("audit.detail")).contains("县农业农村局 → 县财政局");

        List<SheetRow> rows = ExportTest.ledger(Map.of());
        SheetRow row = rows.stream().filter(r -> r.cell(0).text().equals(id)).findFirst().orElseThrow();
        assertThat(row.cell(3).text()).as("confirmed: no mark").isEqualTo("县财政局");
        assertThat(row.cell(4).text()).isEqualTo("无（推定）");
        assertThat(row.cell(5).text()).isEqualTo("分管农业农村工作的副县长");
        assertThat(row.cell(13).text()).isEqualTo("推定（报告未写明）");
    }

    @Test
    void aBadFieldOrValueIsRefusedAndChangesNothing() {
        String id = newId();
        importTask(id);
        given().contentType(ContentType.JSON).body("{\"value\": \"别的任务\"}")
                .put("/api/supervision/tasks/{id}/provenance/title", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"value\": \"县不存在局\"}")
                .put("/api/supervision/tasks/{id}/provenance/leadUnit", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("value")).body("detail", org.hamcrest.Matchers.containsString("不在单位名录中"));
        given().contentType(ContentType.JSON).body("{\"value\": \"张三\"}")
                .put("/api/supervision/tasks/{id}/provenance/leader", id)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"value\": \"2021-06-30\"}")
                .put("/api/supervision/tasks/{id}/provenance/deadline", id)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"value\": [\"县农业农村局\"]}")
                .put("/api/supervision/tasks/{id}/provenance/coUnits", id)
                .then().statusCode(400).contentType("application/problem+json");

        JsonPath task = view(id);
        assertThat(task.getString("leadUnit")).isEqualTo("县农业农村局");
        assertThat(task.getString("deadline")).isEqualTo("2022-12-31");
        assertThat(task.getList("coUnits")).isEmpty();
        assertThat(task.<String>getList("provenance.collect { k, v -> v.source }")).containsOnly("ASSUMED");

        TestTokens.actAs(TestTokens.sectorReporter("agriculture"));
        given().contentType(ContentType.JSON).body("{}").put("/api/supervision/tasks/{id}/provenance/leader", id)
                .then().statusCode(403);
    }

    @Test
    void aTaskIsListedUnderTheUnitsItHasNow() {
        String id = newId();
        importTask(id);
        assertThat(idsOf(LedgerTasks.UNIT)).contains(id);

        given().contentType(ContentType.JSON).body("{\"value\": \"县财政局\"}")
                .put("/api/supervision/tasks/{id}/provenance/leadUnit", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"value\": [\"县自然资源局\"]}")
                .put("/api/supervision/tasks/{id}/provenance/coUnits", id).then().statusCode(200);

        assertThat(idsOf("县财政局")).as("the new lead unit").contains(id);
        assertThat(idsOf("县自然资源局")).as("the new co-unit").contains(id);
        assertThat(idsOf(LedgerTasks.UNIT)).as("the unit it had").doesNotContain(id);
    }

    /** Every task id the list gives for a unit, read page after page. */
    private static List<String> idsOf(String unit) {
        List<String> ids = new java.util.ArrayList<>();
        List<String> page;
        do {
            var request = given().queryParam("unit", unit).queryParam("size", 200);
            if (!ids.isEmpty()) {
                request.queryParam("after", ids.get(ids.size() - 1));
            }
            page = request.get("/api/supervision/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
            ids.addAll(page);
        } while (page.size() == 200);
        return ids;
    }

    private static void importTask(String id) {
        importTasks(LedgerTasks.task(id));
    }
}
