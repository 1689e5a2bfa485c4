package cn.duban.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import cn.duban.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing, request ids, token checks, 502/504, rate limits and CORS at the edge, against stub services. */
@QuarkusTest
@QuarkusTestResource(GatewayStubs.class)
class ProxyTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void eachPrefixGoesToItsServiceWithTheTokenUnchanged() {
        String token = TestTokens.sectorReporter("agriculture");
        given().header("Authorization", token).queryParam("unit", "县农业农村局")
                .get("/api/agriculture/tasks").then().statusCode(200)
                .body("service", equalTo("agriculture")).body("path", equalTo("/api/agriculture/tasks"))
                .body("authorization", equalTo(token));
        given().header("Authorization", token).get("/api/culture-tourism/tasks/2022-CUL-001").then().statusCode(200)
                .body("service", equalTo("culture-tourism"));
        given().header("Authorization", token).get("/api/supervision/units").then().statusCode(200)
                .body("service", equalTo("supervision")).body("path", equalTo("/api/supervision/units"));
    }

    @Test
    void theOfficesWebPageComesFromSupervisionWithoutAToken() {
        given().get("/").then().statusCode(200).body("service", equalTo("supervision")).body("path", equalTo("/"));
        given().get("/assets/app.js").then().statusCode(200).body("service", equalTo("supervision"))
                .body("path", equalTo("/assets/app.js"));
        given().get("/app/config.json").then().statusCode(200).body("service", equalTo("supervision"));
    }

    @Test
    void theNotifiersApiNeedsATokenAndItsPageDoesNot() {
        String token = TestTokens.supervisor();
        given().header("Authorization", token).get("/api/notify/routes").then().statusCode(200)
                .body("service", equalTo("notify")).body("path", equalTo("/api/notify/routes"));
        given().header("X-Forwarded-For", "10.0.0.9").get("/api/notify/routes").then().statusCode(401);
        given().get("/notify/").then().statusCode(200).body("service", equalTo("notify")).body("path", equalTo("/notify/"));
    }

    @Test
    void bodiesAndChineseQueriesPassThrough() {
        String token = TestTokens.as("poster").roles("unit-reporter").bearer();
        Response r = given().header("Authorization", token).contentType("application/json")
                .body("{\"narrative\":\"已完成6000亩\"}").queryParam("q", "武庙")
                .post("/api/agriculture/tasks/2022-AGR-003/progress");
        r.then().statusCode(200).body("method", equalTo("POST")).body("body", equalTo("{\"narrative\":\"已完成6000亩\"}"));
        assertThat(java.net.URLDecoder.decode(r.path("query"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("q=武庙");
    }

    @Test
    void theRequestIdIsPassedOnOrMade() {
        String token = TestTokens.as("tracer").roles("leader").bearer();
        given().header("Authorization", token).header("X-Request-Id", "phone-42.a").get("/api/reform/tasks").then()
                .statusCode(200).header("X-Request-Id", "phone-42.a").body("requestId", equalTo("phone-42.a"));
        Response made = given().header("Authorization", token).get("/api/reform/tasks");
        made.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        assertThat((String) made.path("requestId")).isEqualTo(made.header("X-Request-Id"));
        // Anything that could forge a log line is replaced.
        given().header("Authorization", token).header("X-Request-Id", "a b\tc").get("/api/reform/tasks").then()
                .header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void aRequestWithoutAValidTokenStopsAtTheEdge() {
        given().header("X-Forwarded-For", "10.0.0.1").get("/api/agriculture/tasks").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"duban\"")
                .body("type", equalTo("urn:duban:problem:unauthenticated"));
        given().header("X-Forwarded-For", "10.0.0.1").header("Authorization", TestTokens.as("forger").roles("supervisor").forged().bearer())
                .get("/api/supervision/tasks").then().statusCode(401).body("status", equalTo(401));
        given().header("X-Forwarded-For", "10.0.0.1").header("Authorization", TestTokens.as("other").roles("supervisor").audience("other-api").bearer())
                .get("/api/supervision/tasks").then().statusCode(401);
    }

    @Test
    void aServiceThatRefusesConnectionsIsA502ForItsRoutesOnly() {
        String token = TestTokens.sectorReporter("industry");
        given().header("Authorization", token).get("/api/industry/tasks").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:service-unavailable"))
                .body("service", equalTo("industry")).body("instance", equalTo("/api/industry/tasks"));
        given().header("Authorization", token).get("/api/livelihood/tasks").then().statusCode(200);
    }

    @Test
    void aServiceTooSlowToAnswerIsA504() {
        String token = TestTokens.sectorReporter("reform");
        given().header("Authorization", token).get("/api/reform/tasks/slow").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:service-timeout")).body("service", equalTo("reform"));
        given().header("Authorization", token).get("/api/reform/tasks").then().statusCode(200);
    }

    @Test
    void aClientOverItsRateIsToldWhenToComeBack() {
        String greedy = TestTokens.as("greedy").roles("leader").bearer();
        for (int i = 0; i < 8; i++) {
            given().header("Authorization", greedy).get("/api/urban-construction/tasks").then().statusCode(200);
        }
        given().header("Authorization", greedy).get("/api/urban-construction/tasks").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("[0-9]+"))
                .body("type", equalTo("urn:duban:problem:too-many-requests"));
        // Another client is not slowed down by it.
        given().header("Authorization", TestTokens.as("patient").roles("leader").bearer())
                .get("/api/urban-construction/tasks").then().statusCode(200);
    }

    @Test
    void anonymousClientsAreLimitedByAddress() {
        for (int i = 0; i < 8; i++) {
            given().header("X-Forwarded-For", "10.9.9.9").get("/realms/duban/.well-known/openid-configuration")
                    .then().statusCode(200);
        }
        given().header("X-Forwarded-For", "10.9.9.9").get("/realms/duban/.well-known/openid-configuration").then()
                .statusCode(429).header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        given().header("X-Forwarded-For", "10.9.9.10").get("/realms/duban/.well-known/openid-configuration").then()
                .statusCode(200);
    }

    /** A sign-in loads some forty files; from one office address they must not use up its sign-in's own requests. */
    @Test
    void thePagesFilesDoNotCountAgainstAnAddresssRate() {
        for (int i = 0; i < 30; i++) { // far past the test profile's burst of 8
            given().header("X-Forwarded-For", "10.9.8.7").get("/m/").then().statusCode(200);
        }
        for (int i = 0; i < 8; i++) {
            given().header("X-Forwarded-For", "10.9.8.7").get("/realms/duban/.well-known/openid-configuration")
                    .then().statusCode(200);
        }
        given().header("X-Forwarded-For", "10.9.8.7").get("/realms/duban/.well-known/openid-configuration").then()
                .statusCode(429);
    }

    @Test
    void keycloakPagesAndAssetsPassWithoutAToken() {
        given().header("X-Forwarded-For", "10.0.0.2").get("/realms/duban/protocol/openid-connect/auth?client_id=duban-mobile")
                .then().statusCode(200).body("service", equalTo("keycloak"))
                .body("path", equalTo("/realms/duban/protocol/openid-connect/auth"))
                .body("forwardedFor", equalTo("10.0.0.2"));
        given().header("X-Forwarded-For", "10.0.0.2").get("/resources/abc/login/keycloak.v2/css/styles.css").then()
                .statusCode(200).body("service", equalTo("keycloak"));
    }

    @Test
    void noRealmButDubanIsReachableThroughTheGateway() {
        for (String path : new String[] {"/realms/master/protocol/openid-connect/token", "/realms/master",
                "/realms/master/", "/realms/other/account", "/realms/dubanx/.well-known/openid-configuration",
                "/realms/duban/../master/protocol/openid-connect/token", "/realms/duban/%2e%2e/master/",
                "/realms/duban%2F..%2Fmaster/protocol/openid-connect/token"}) {
            // an address each, so the anonymous rate limit (a burst of 8 here) is not what answers
            given().urlEncodingEnabled(false).header("X-Forwarded-For", "10.0.3." + path.length()).get(path).then().statusCode(404)
                    .contentType("application/problem+json").header("Content-Language", "zh-CN")
                    .body("type", equalTo("urn:duban:problem:not-found"))
                    .body("detail", equalTo("网关只转发督办认证域 duban 的登录与令牌接口(/realms/duban/...)"));
        }
        given().header("X-Forwarded-For", "10.0.0.3").get("/realms/duban").then().statusCode(200)
                .body("service", equalTo("keycloak"));
    }

    @Test
    void corsAnswersOnlyConfiguredOrigins() {
        given().header("Origin", "http://allowed.test").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .options("/api/agriculture/tasks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://allowed.test");
        given().header("Origin", "http://allowed.test").header("Authorization", TestTokens.sectorReporter("agriculture"))
                .get("/api/agriculture/tasks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://allowed.test");
        given().header("Origin", "http://evil.test").header("Access-Control-Request-Method", "GET")
                .options("/api/agriculture/tasks").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://evil.test").header("Authorization", TestTokens.sectorReporter("agriculture"))
                .get("/api/agriculture/tasks").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyOpenApiDocumentFromOnePlace() {
        given().header("X-Forwarded-For", "10.0.0.3").get("/openapi").then().statusCode(200)
                .body("openapi.supervision", equalTo("/openapi/supervision"))
                .body("openapi.livelihood", equalTo("/openapi/livelihood"));
        String doc = given().header("X-Forwarded-For", "10.0.0.3").get("/openapi/livelihood").then().statusCode(200)
                .extract().asString();
        assertThat(doc).contains("title: livelihood");
        given().header("X-Forwarded-For", "10.0.0.3").get("/openapi/nothing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownApiPathsAreProblems() {
        given().header("Authorization", TestTokens.supervisor()).get("/api/tourism/tasks").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:duban:problem:not-found"));
    }
}
