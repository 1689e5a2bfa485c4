package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import static cn.duban.supervision.LedgerTasks.UNIT;
import static cn.duban.supervision.LedgerTasks.importTasks;
import static cn.duban.supervision.LedgerTasks.newId;
import static cn.duban.supervision.LedgerTasks.newIdOtherThan;
import static cn.duban.supervision.LedgerTasks.openRules;
import static cn.duban.supervision.LedgerTasks.view;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.supervision.ClockMoves;
import cn.duban.supervision.LedgerTasks;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 分月计划: PUT /api/supervision/tasks/{id}/plan, the ledger's "plan" and the sheet column, judged by LAGGING. */
@QuarkusTest
class TaskPlanTest extends AsTheOfficeOnTheDemoClock {

    @Test
    void aSlowStartingPlanKeepsALowReportFromLagging() {
        String planned = newId();
        String linear = newIdOtherThan(planned);
        importTasks(task(planned, "") + ", " + task(linear, ""));

        given().contentType(ContentType.JSON).body("""
                {"months": [{"month": "2022-09", "percent": 60}, {"month": "2022-03", "percent": 5},
                            {"month": "2022-06", "percent": 20}]}""")
                .put("/api/supervision/tasks/{id}/plan", planned)
                .then().statusCode(200)
                .body("months.month", org.hamcrest.Matchers.contains("2022-03", "2022-06", "2022-09"));

        ClockMoves.moveTo("2022-06-30T09:00:00+08:00");
        report(planned, 10);
        report(linear, 10);

        JsonPath withPlan = view(planned);
        assertThat(withPlan.getInt("progress.expectedPercent")).as("the plan's 20 %% by the end of June").isEqualTo(20);
        assertThat(withPlan.getList("plan.month")).containsExactly("2022-03", "2022-06", "2022-09");
        assertThat(openRules(planned)).doesNotContain("LAGGING");
        // the default line: 180 of 364 days to the deadline as written
        assertThat(view(linear).getInt("progress.expectedPercent")).isEqualTo(49);
        assertThat(openRules(linear)).contains("LAGGING");
        assertThat(withPlan.getList("audit.action")).contains("plan.set");

        // cleared: the default curve again, and the task lags like its twin
        given().contentType(ContentType.JSON).body("{\"months\": []}").put("/api/supervision/tasks/{id}/plan", planned)
                .then().statusCode(200).body("expectedPercent", org.hamcrest.Matchers.equalTo(49));
        assertThat(openRules(planned)).contains("LAGGING");
    }

    @Test
    void aPlanOutsideTheTasksMonthsOver100OrGoingDownIsRefusedAndChangesNothing() {
        String id = newId();
        importTasks(task(id, ", \"plan\": [{\"month\": \"2022-06\", \"percent\": 50}]"));
        assertThat(view(id).getList("plan.percent")).containsExactly(50);

        given().contentType(ContentType.JSON).body("""
                {"months": [{"month": "2023-01", "percent": 100}]}""").put("/api/supervision/tasks/{id}/plan", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("months[0].month"))
                .body("detail", org.hamcrest.Matchers.containsString("2023-01 不在任务的起止月份 2022-01 至 2022-12 之内"));
        given().contentType(ContentType.JSON).body("""
                {"months": [{"month": "2022-03", "percent": 120}]}""").put("/api/supervision/tasks/{id}/plan", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("months[0].percent"));
        given().contentType(ContentType.JSON).body("""
                {"months": [{"month": "2022-03", "percent": 40}, {"month": "2022-06", "percent": 30}]}""")
                .put("/api/supervision/tasks/{id}/plan", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("months[1].percent"))
                .body("detail", org.hamcrest.Matchers.containsString("不能下降"));
        given().contentType(ContentType.JSON).body("{\"months\": [{\"month\": \"2022-13\", \"percent\": 10}]}")
                .put("/api/supervision/tasks/{id}/plan", id)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").put("/api/supervision/tasks/{id}/plan", id)
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(view(id).getList("plan.percent")).as("unchanged").containsExactly(50);
    }

    @Test
    void onlyTheOfficeSetsAPlan() {
        String id = newId();
        importTasks(task(id, ""));
        TestTokens.actAs(TestTokens.sectorReporter("agriculture"));
        given().contentType(ContentType.JSON).body("{\"months\": [{\"month\": \"2022-06\", \"percent\": 50}]}")
                .put("/api/supervision/tasks/{id}/plan", id).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"months\": []}")
                .put("/api/supervision/tasks/{id}/plan", "2022-AGR-999").then().statusCode(403);
        TestTokens.actAs(TestTokens.supervisor());
        given().contentType(ContentType.JSON).body("{\"months\": []}")
                .put("/api/supervision/tasks/{id}/plan", "2022-AGR-999").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(view(id).getList("plan")).isEmpty();
    }

    @Test
    void aCsvLedgerCarriesThePlanInItsColumn() {
        String id = newId();
        String csv = "任务编号,领域,任务名称,原文,章节,牵头单位,配合单位,责任领导,目标,时间节点,完成时限,标识,分月计划\n"
                + id + ",三农,测试任务,测试原文,一、测试 / 测试," + UNIT + ",,分管农业农村工作的副县长,,,2022-12-31,,"
                + "2022-06:30；2022-12:100\n";
        given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/supervision/ledger/import").then().statusCode(200);
        assertThat(view(id).getList("plan.month")).containsExactly("2022-06", "2022-12");

        String down = newId();
        String bad = csv.replace(id, down).replace("2022-12:100", "2022-12:10");
        given().contentType("text/csv; charset=UTF-8").body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/supervision/ledger/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("第 2 行，分月计划 (plan)"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("不能下降")));
    }

    private static void report(String taskId, int percent) {
        LedgerTasks.report(taskId, LocalDate.of(2022, 6, 30), percent);
    }

    private static String task(String id, String extra) {
        return LedgerTasks.task(id, "2022-12-31", "[]", extra);
    }
}
