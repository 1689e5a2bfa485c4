package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A task may switch rules off or set its own thresholds in the ledger ("rules"). */
@QuarkusTest
class RuleOverridesTest {

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }

    @Test
    void aTaskThatSwitchesDueSoonOffGetsNoDueSoonAlertWhileItsTwinDoes() {
        int n = ThreadLocalRandom.current().nextInt(100, 999);
        String plain = "2099-AGR-" + n;
        String quiet = "2099-AGR-" + (n + 1 > 999 ? n - 1 : n + 1);
        // The demo clock stands at 2022-03-01: a 2022-03-10 deadline is due within 15 days.
        String ledger = """
                {"year": 2022, "county": "平遥县", "source": "测试", "plannedStart": "2022-01-01", "tasks": [
                  %s, %s]}""".formatted(task(plain, ""), task(quiet, ", \"rules\": {\"disabled\": [\"DUE_SOON\"]}"));

        given().contentType(ContentType.JSON).body(ledger).post("/api/supervision/ledger/import")
                .then().statusCode(200);

        assertThat(rules(plain)).contains("DUE_SOON");
        assertThat(rules(quiet)).doesNotContain("DUE_SOON");
        assertThat(given().get("/api/supervision/tasks/{id}", quiet).then().extract().<List<String>>path("ruleOverrides.disabled"))
                .containsExactly("DUE_SOON");
    }

    @Test
    void anUnknownRuleInTheLedgerIsRefused() {
        String ledger = """
                {"year": 2022, "county": "平遥县", "source": "测试", "plannedStart": "2022-01-01", "tasks": [%s]}"""
                .formatted(task("2099-AGR-001", ", \"rules\": {\"disabled\": [\"TOO_HOT\"]}"));
        given().contentType(ContentType.JSON).body(ledger).post("/api/supervision/ledger/import")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> rules(String taskId) {
        return given().queryParam("taskId", taskId).get("/api/supervision/alerts").then().statusCode(200)
                .extract().path("items.rule");
    }

    private static String task(String id, String extra) {
        return """
                {"id": "%s", "sector": "agriculture", "title": "测试任务", "text": "测试原文", "section": ["一、测试", "测试"],
                 "leadUnit": "县农业农村局", "coUnits": [], "leader": "分管农业农村工作的副县长", "targets": [],
                 "milestones": [], "deadline": "2022-03-10", "reportingCycle": "MONTHLY", "flags": []%s}"""
                .formatted(id, extra);
    }
}
