package cn.duban.supervision.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.duban.supervision.ClockMoves;
import cn.duban.testsupport.AccessMatrix;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what at supervision: every role against every endpoint, with signed tokens shaped like the
 * realm's. Each row is role × endpoint → the status a user of that role must get (docs/security.md).
 */
@QuarkusTest
class SupervisionAccessMatrixTest {
    static final AccessMatrix MATRIX = new AccessMatrix();

    @BeforeAll
    static void callers() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        MATRIX.caller("anonymous", null);
        MATRIX.caller("supervisor", TestTokens.supervisor());
        MATRIX.caller("leader", TestTokens.leader("分管工业工作的副县长"));
        MATRIX.caller("agriculture", TestTokens.sectorReporter("agriculture"));
        MATRIX.caller("agriculture-bureau", TestTokens.unitReporter("agriculture-bureau", "agriculture", "县农业农村局"));
    }

    @BeforeEach
    void noDefaultToken() {
        TestTokens.actAs(null);
    }

    //                                                     anonymous supervisor leader agriculture agriculture-bureau
    @Test
    void readingTheLedger() {
        MATRIX.check("GET", "/api/supervision/tasks", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/tasks?sector=industry", null, 401, 200, 200, 403, 200);
        MATRIX.check("GET", "/api/supervision/tasks?unit=县工业和信息化局", null, 401, 200, 200, 200, 403);
        MATRIX.check("GET", "/api/supervision/tasks/2022-AGR-001", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/tasks/2022-IND-001", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/units", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/responsibilities", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/scorecards", null, 401, 200, 200, 200, 200);
        // narrowed as tasks are: asking for another sector's or unit's is refused, not silently cut
        MATRIX.check("GET", "/api/supervision/responsibilities?unit=县农业农村局", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/responsibilities?unit=县工业和信息化局", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/scorecards?sector=agriculture", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/scorecards?sector=industry", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/scorecards/export.xlsx?sector=industry", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/alerts", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/alerts?unit=县工业和信息化局", null, 401, 200, 200, 200, 403);
        MATRIX.check("GET", "/api/supervision/admin/clock", null, 401, 200, 200, 200, 200);
    }

    @Test
    void officeWork() {
        MATRIX.check("GET", "/api/supervision/extensions", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/completions", null, 401, 200, 200, 403, 403);
        MATRIX.check("POST", "/api/supervision/extensions/X-none/approve", "{}", 401, 404, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/extensions/X-none/reject", "{\"reason\":\"不同意\"}", 401, 404, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/completions/C-none/verify", "{}", 401, 404, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/completions/C-none/reject", "{\"reason\":\"证据不足\"}", 401, 404, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/tasks/2022-NONE-001/reminders", "{\"message\":\"请报送\"}", 401, 404, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/ledger/import", "{}", 401, 400, 403, 403, 403);
        MATRIX.check("GET", "/api/supervision/ledger/template.xlsx", null, 401, 200, 403, 403, 403);
        MATRIX.check("GET", "/api/supervision/ledger/export.xlsx", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/ledger/export.xlsx?sector=industry", null, 401, 200, 200, 403, 200);
        MATRIX.check("GET", "/api/supervision/ledger/export.xlsx?unit=县工业和信息化局", null, 401, 200, 200, 200, 403);
        MATRIX.check("GET", "/api/supervision/scorecards/export.xlsx", null, 401, 200, 200, 200, 200);
        // A body the office would get 400 for: the role is refused before the body is even read.
        MATRIX.check("POST", "/api/supervision/admin/clock", "{\"now\":\"not a time\"}", 401, 400, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/alerts/A-none/acknowledge", null, 401, 404, 404, 404, 404);
    }

    @Test
    void leadersPapers() {
        MATRIX.check("GET", "/api/supervision/board", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/bulletins/2022-W08", null, 401, 200, 200, 403, 403);
        MATRIX.check("GET", "/api/supervision/bulletins/2022-W08.pdf", null, 401, 200, 200, 403, 403);
        MATRIX.check("POST", "/api/supervision/tasks/2022-NONE-001/notices", "{\"late\":\"滞后\",\"requirement\":\"整改\"}",
                401, 404, 403, 403, 403);
        MATRIX.check("POST", "/api/supervision/tasks/2022-NONE-001/instructions", "{\"text\":\"抓紧\",\"dueOn\":\"2022-12-31\"}",
                401, 403, 404, 403, 403);
        MATRIX.check("POST", "/api/supervision/tasks/2022-IND-001/notices/2099-1/reply", "{\"reply\":\"已办\"}",
                401, 404, 403, 403, 403);
        MATRIX.check("GET", "/api/supervision/tasks/2022-AGR-001/notices", null, 401, 200, 200, 200, 200);
        MATRIX.check("GET", "/api/supervision/tasks/2022-IND-001/instructions", null, 401, 200, 200, 403, 403);
    }

    @Test
    void healthAndTheApiDescriptionAreOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aReporterSeesOnlyWhatItAnswersFor() {
        given().header("Authorization", MATRIX.bearer("agriculture")).queryParam("size", 200)
                .get("/api/supervision/tasks").then().statusCode(200)
                .body("total", greaterThan(10)).body("items.sector", everyItem(equalTo("agriculture")));
        TestTokens.actAs(TestTokens.supervisor());
        ClockMoves.moveTo("2022-06-01T09:00:00+08:00"); // milestones of several sectors are overdue by then
        TestTokens.actAs(null);
        try {
            given().header("Authorization", MATRIX.bearer("supervisor")).queryParam("size", 200)
                    .get("/api/supervision/alerts").then().statusCode(200)
                    .body("items.taskId", hasItem(not(containsString("-AGR-"))));
            given().header("Authorization", MATRIX.bearer("agriculture")).queryParam("size", 200)
                    .get("/api/supervision/alerts").then().statusCode(200)
                    .body("total", greaterThan(0)).body("items.taskId", everyItem(containsString("-AGR-")));
            given().header("Authorization", MATRIX.bearer("agriculture-bureau")).queryParam("size", 200)
                    .get("/api/supervision/alerts").then().statusCode(200)
                    .body("total", greaterThan(0)).body("items.units", everyItem(hasItem("县农业农村局")));
        } finally {
            TestTokens.actAs(TestTokens.supervisor());
            ClockMoves.moveTo(ClockMoves.DEMO_START);
            TestTokens.actAs(null);
        }
    }

    @Test
    void responsibilitiesAndScorecardsAreNarrowedForReportersAsTasksAre() {
        given().header("Authorization", MATRIX.bearer("agriculture")).get("/api/supervision/responsibilities")
                .then().statusCode(200)
                .body("total", greaterThan(3))
                .body("items.sector", everyItem(equalTo("agriculture")))
                // 县交通运输局 is an agriculture unit leading urban-construction tasks too: those stay hidden
                .body("items.leads.flatten().id", everyItem(containsString("-AGR-")))
                .body("items.coLeads.flatten().id", everyItem(containsString("-AGR-")));
        given().header("Authorization", MATRIX.bearer("agriculture-bureau")).get("/api/supervision/responsibilities")
                .then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].unit", equalTo("县农业农村局"));
        given().header("Authorization", MATRIX.bearer("supervisor")).get("/api/supervision/responsibilities")
                .then().statusCode(200).body("total", greaterThan(30));

        given().header("Authorization", MATRIX.bearer("agriculture")).get("/api/supervision/scorecards")
                .then().statusCode(200)
                .body("units.sector", everyItem(equalTo("agriculture")))
                .body("sectors.name", contains("agriculture"));
        given().header("Authorization", MATRIX.bearer("agriculture-bureau")).get("/api/supervision/scorecards")
                .then().statusCode(200)
                .body("units.name", contains("县农业农村局"))
                .body("sectors.name", contains("agriculture"));
        given().header("Authorization", MATRIX.bearer("leader")).get("/api/supervision/scorecards")
                .then().statusCode(200).body("units.size()", greaterThan(30)).body("sectors.size()", equalTo(6));
    }

    @Test
    void aTokenThatIsMissingForgedExpiredOrForeignGets401AsProblem() {
        List<String> bad = List.of(
                TestTokens.as("supervisor").roles("supervisor").forged().bearer(),
                TestTokens.as("supervisor").roles("supervisor").expiredFor(Duration.ofMinutes(10)).bearer(),
                TestTokens.as("supervisor").roles("supervisor").issuer("https://elsewhere.example/realms/duban").bearer(),
                TestTokens.as("supervisor").roles("supervisor").audience("some-other-api").bearer(),
                "Bearer not-a-jwt");
        for (String token : bad) {
            given().header("Authorization", token).get("/api/supervision/tasks")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().get("/api/supervision/tasks").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:unauthenticated"));
    }

    @Test
    void aValidTokenWithoutADubanRoleIsForbidden() {
        given().header("Authorization", TestTokens.as("visitor").roles("offline_access").bearer())
                .get("/api/supervision/tasks").then().statusCode(403).contentType("application/problem+json");
    }
}
