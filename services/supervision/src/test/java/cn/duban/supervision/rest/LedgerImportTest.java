package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOffice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The data-file import refuses what the rule engine could not evaluate, instead of failing on it. */
@QuarkusTest
class LedgerImportTest extends AsTheOffice {

    static String ledger(String plannedStart, String deadline, String milestones) {
        return """
                {"year": 2022, "county": "平遥县", "source": "测试", "plannedStart": "%s", "tasks": [
                  {"id": "2099-AGR-951", "sector": "agriculture", "title": "测试任务", "text": "测试任务",
                   "section": ["一、测试"], "leadUnit": "县农业农村局", "coUnits": [], "leader": "分管农业农村工作的副县长",
                   "targets": [], "milestones": %s, "deadline": "%s", "reportingCycle": "MONTHLY", "flags": []}]}
                """.formatted(plannedStart, milestones, deadline);
    }

    @Test
    void anImpossibleDateIsRefusedWhereItIs() {
        given().contentType("application/json").body(ledger("2022-01-01", "2022-02-30", "[]"))
                .post("/api/supervision/ledger/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:invalid-ledger"))
                .body("errors.field", contains("$.tasks[0].deadline"));
    }

    @Test
    void aDeadlineBeforeThePlannedStartAndATwiceNamedMilestoneAreRefused() {
        given().contentType("application/json")
                .body(ledger("2022-06-01", "2022-05-31", "[{\"name\": \"开工\", \"due\": \"2022-04-30\"},"
                        + " {\"name\": \"开工\", \"due\": \"2022-05-10\"}]"))
                .post("/api/supervision/ledger/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("$.tasks[0].deadline", "$.tasks[0].milestones[1].name"));
        given().get("/api/supervision/tasks/{id}", "2099-AGR-951").then().statusCode(404);
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedWhereItIs() {
        // Found by BadInputTest: 1e999 is read as infinity, which the schema validator could not compare (a 500).
        given().contentType("application/json")
                .body(ledger("2022-01-01", "2022-05-31", "[]").replace("\"targets\": []",
                        "\"targets\": [{\"metric\": \"高标准农田\", \"unit\": \"亩\", \"value\": 1e999}]"))
                .post("/api/supervision/ledger/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("$.tasks[0].targets[0].value"));
    }

    @Test
    void aTargetPastTheQuantityBoundsIsRefusedInChineseWhereItIs() {
        for (String value : new String[] {"1e300", "1E+999999999", "0.00001", "1000000000000000"}) {
            given().contentType("application/json")
                    .body(ledger("2022-01-01", "2022-05-31", "[]").replace("\"targets\": []",
                            "\"targets\": [{\"metric\": \"高标准农田\", \"unit\": \"亩\", \"value\": " + value + "}]"))
                    .post("/api/supervision/ledger/import").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("没有导入任何内容"))
                    .body("errors.field", contains("$.tasks[0].targets[0].value"))
                    .body("errors[0].message", anyOf(containsString("超出范围"), containsString("小数最多 4 位")));
        }
        given().get("/api/supervision/tasks/{id}", "2099-AGR-951").then().statusCode(404);
    }

    @Test
    void schemaErrorsAreChineseUnlessEnglishIsAskedFor() {
        String badUnit = ledger("2022-01-01", "2022-05-31", "[]").replace("\"targets\": []",
                "\"targets\": [{\"metric\": \"投资\", \"unit\": \"元\", \"value\": 9000}]");
        given().contentType("application/json").body(badUnit).post("/api/supervision/ledger/import").then()
                .statusCode(400)
                .body("title", equalTo("台账未能导入"))
                .body("errors[0].message", containsString("必须是“万元”"));
        given().contentType("application/json").header("Accept-Language", "en-US,en;q=0.9").body(badUnit)
                .post("/api/supervision/ledger/import").then().statusCode(400)
                .body("errors[0].message", containsString("must be the constant value '万元'"));
    }
}
