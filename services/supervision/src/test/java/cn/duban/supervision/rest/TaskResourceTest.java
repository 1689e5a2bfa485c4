package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.supervision.AsTheOffice;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskResourceTest extends AsTheOffice {

    @Test
    void theSeedLedgerHoldsTheWholeReport() {
        given().queryParam("size", 1).get("/api/supervision/tasks")
                .then().statusCode(200).body("total", greaterThan(100));
    }

    @Test
    void searchingWumiaoFindsTheRestorationWithItsTrialOperationMilestone() {
        String id = given().queryParam("q", "武庙").get("/api/supervision/tasks")
                .then().statusCode(200).body("total", is(1)).extract().path("items[0].id");

        given().get("/api/supervision/tasks/{id}", id).then().statusCode(200)
                .body("sector", equalTo("culture-tourism"))
                .body("milestones.name", contains("试运行"))
                .body("milestones[0].due", equalTo("2022-05-31"))
                .body("deadline", equalTo("2022-12-31"));
    }

    @Test
    void searchingTheCokeProjectFindsItsCapacityInvestmentAndDeadline() {
        String id = given().queryParam("q", "捣固焦").get("/api/supervision/tasks")
                .then().statusCode(200).body("total", is(1)).extract().path("items[0].id");

        given().get("/api/supervision/tasks/{id}", id).then().statusCode(200)
                .body("sector", equalTo("industry"))
                .body("deadline", equalTo("2022-10-31"))
                .body("targets.find { it.metric == '投资' }.value", is(310000))
                .body("targets.find { it.unit == '万吨' }.value", is(134));
    }

    /** q finds what the office types: one character, a Latin letter in either case, nothing for a near miss. */
    @Test
    void freeTextSearchIsExactWhateverTheLengthAndCaseOfTheQuery() {
        given().queryParam("q", "梨").get("/api/supervision/tasks").then().statusCode(200)
                .body("total", is(1)).body("items[0].title", containsString("梨"));
        for (String q : List.of("b级", "B级", "环保绩效一半以上达到b级")) {
            given().queryParam("q", q).get("/api/supervision/tasks").then().statusCode(200)
                    .body("total", is(1)).body("items[0].title", equalTo("重点企业环保绩效一半以上达到B级"));
        }
        given().queryParam("q", "庙武").get("/api/supervision/tasks").then().statusCode(200).body("total", is(0));
        given().queryParam("q", "武庙 ").queryParam("sector", "culture-tourism").get("/api/supervision/tasks")
                .then().statusCode(200).body("total", is(1));
    }

    @Test
    void filtersBySectorAndUnitIncludeCoUnits() {
        given().queryParam("sector", "agriculture").queryParam("size", 200).get("/api/supervision/tasks")
                .then().statusCode(200).body("items.sector", everyItem(equalTo("agriculture")));
        given().queryParam("unit", "县财政局").queryParam("size", 200).get("/api/supervision/tasks")
                .then().statusCode(200).body("items.coUnits.flatten()", hasItem("县财政局"));
    }

    @Test
    void pagesAreBoundedAndCountFromZero() {
        given().queryParam("size", 5).queryParam("page", 1).get("/api/supervision/tasks")
                .then().statusCode(200).body("items", hasSize(5));
        given().queryParam("size", 5000).get("/api/supervision/tasks")
                .then().statusCode(400).contentType("application/problem+json").header("Content-Language", "zh-CN")
                .body("title", equalTo("请求有误")).body("detail", equalTo("size:每页条数应在 1 到 200 之间"))
                .body("errors[0].field", equalTo("size"));
        // the alert list takes pages the same way: out of range is refused, not cut to fit
        given().queryParam("page", -1).get("/api/supervision/alerts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("page:页码从 0 开始,不能为负")).body("errors[0].field", equalTo("page"));
        given().queryParam("size", 201).get("/api/supervision/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().get("/api/supervision/tasks").then().statusCode(200).body("items", hasSize(50));
        // page numbers reach the first 10,000 tasks; deeper is for filters or after
        given().queryParam("size", 50).queryParam("page", 200).get("/api/supervision/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"))
                .body("detail", containsString("按页码只能翻阅前 10000 项"));
    }

    @Test
    void afterGoesOnFromTheLastTaskReadAndTheTotalStaysTheFilters() {
        var first = given().queryParam("sector", "agriculture").queryParam("size", 10).get("/api/supervision/tasks")
                .then().statusCode(200).body("totalExact", is(true)).extract();
        List<String> firstIds = first.path("items.id");
        int total = first.path("total");
        List<String> next = given().queryParam("sector", "agriculture").queryParam("size", 10)
                .queryParam("after", firstIds.get(9)).get("/api/supervision/tasks")
                .then().statusCode(200).body("total", is(total)).extract().path("items.id");
        List<String> byNumber = given().queryParam("sector", "agriculture").queryParam("size", 10).queryParam("page", 1)
                .get("/api/supervision/tasks").then().extract().path("items.id");
        assertThat(next).isEqualTo(byNumber).doesNotContainAnyElementsOf(firstIds);
        given().queryParam("after", firstIds.get(9)).queryParam("page", 1).get("/api/supervision/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void theListsAndTheExportDocumentOneSetOfFilters() {
        String list = "paths.'/api/supervision/tasks'.get.parameters";
        String export = "paths.'/api/supervision/ledger/export.xlsx'.get.parameters";
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        document.body(list + ".name", contains("after", "light", "page", "q", "sector", "size", "status", "unit"))
                .body(export + ".name", contains("light", "q", "sector", "status", "unit"))
                .body(list + ".find { it.name == 'status' }.schema.'$ref'", containsString("TaskStatus"))
                .body(export + ".find { it.name == 'light' }.schema.'$ref'", containsString("Light"))
                .body(list + ".find { it.name == 'size' }.schema.default", equalTo(50))
                .body("paths.'/api/supervision/alerts'.get.parameters.name",
                        contains("light", "page", "rule", "size", "state", "taskId", "unit"));
    }

    @Test
    void problemDetailsAreChineseUnlessTheCallerAsksForEnglish() {
        given().header("Accept-Language", "en-US,en;q=0.9").queryParam("size", 5000).get("/api/supervision/tasks")
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Invalid request")).body("detail", equalTo("size: must be between 1 and 200"));
        given().header("Accept-Language", "fr-FR").queryParam("size", 5000).get("/api/supervision/tasks")
                .then().statusCode(400).body("title", equalTo("请求有误"));
    }

    @Test
    void anUnknownLightIsABadRequestNotAnEmptyList() {
        given().queryParam("light", "PURPLE").get("/api/supervision/tasks")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownTaskIsAProblem() {
        given().get("/api/supervision/tasks/2022-AGR-999").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
    }
}
