package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.duban.testsupport.KeycloakTokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing in with the real Keycloak of the demo realm, and what the services then allow (docs/security.md). */
class SecurityJourneyTest extends OnTheRunningSuite {

    @Test
    void withoutAValidTokenEveryServiceAnswers401ButHealthStaysOpen() {
        String real = KeycloakTokens.user("supervisor");
        String tampered = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String service : RunningSuite.SERVICES) {
            String api = suite.url(service) + "/api/" + service + "/tasks";
            given().get(api).then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", tampered).get(api).then().statusCode(401);
            given().get(suite.url(service) + "/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void aLeaderMayReadButNotMoveTheClock() {
        ReportJourneyTest.as("leader").get(suite.url("supervision") + "/api/supervision/admin/clock")
                .then().statusCode(200);
        ReportJourneyTest.as("leader").contentType(ContentType.JSON).body(Map.of("now", "2022-06-01T09:00:00+08:00"))
                .post(suite.url("supervision") + "/api/supervision/admin/clock")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        var answer = KeycloakTokens.request(Map.of("grant_type", "client_credentials",
                "client_id", "agriculture-bureau-system", "client_secret", "not-the-secret"));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("access_token");
        var wrongPassword = KeycloakTokens.request(Map.of("grant_type", "password", "client_id", "duban-cli",
                "username", "supervisor", "password", "guess"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void aDepartmentSystemReportsForItsOwnUnitOnlyAndSupervisionShowsWhichSystem() {
        String system = KeycloakTokens.system("agriculture-bureau-system", "duban-demo-agriculture-bureau");
        String narrative = "系统对接 " + UUID.randomUUID();
        String agriculture = suite.url("agriculture");
        // the office's day is past the report's 30 June, whichever test ran before: a task view shows no report
        // dated after its business day
        AlertJourneyTest.clock("2022-07-01T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", system)
                .get(agriculture + "/api/agriculture/tasks/2022-AGR-001").then().statusCode(200));

        given().header("Authorization", system).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-06-30\",\"figures\":[{\"metric\":\"农村居民人均可支配收入\",\"value\":8100}],"
                        + "\"narrative\":\"" + narrative + "\"}")
                .post(agriculture + "/api/agriculture/tasks/2022-AGR-001/progress").then().statusCode(202);
        given().header("Authorization", system).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2022-06-30\",\"percent\":40}")
                .post(agriculture + "/api/agriculture/tasks/{id}/progress", otherUnitsTask())
                .then().statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                ReportJourneyTest.as("supervisor").get(suite.url("supervision") + "/api/supervision/tasks/2022-AGR-001")
                        .then().body("progress.latest.narrative", equalTo(narrative))
                        .body("progress.latest.reportedBy", equalTo("service-account-agriculture-bureau-system"))
                        .body("progress.latest.unit", equalTo("县农业农村局")));
    }

    /** An agriculture task that 县农业农村局 neither leads nor co-leads, found through supervision. */
    private static String otherUnitsTask() {
        java.util.List<Map<String, Object>> tasks = ReportJourneyTest.as("supervisor").queryParam("sector", "agriculture")
                .queryParam("size", 200).get(suite.url("supervision") + "/api/supervision/tasks")
                .then().statusCode(200).extract().path("items");
        return tasks.stream().filter(t -> !"县农业农村局".equals(t.get("leadUnit"))
                        && !((java.util.List<?>) t.get("coUnits")).contains("县农业农村局"))
                .map(t -> (String) t.get("id")).findFirst().orElseThrow();
    }
}
