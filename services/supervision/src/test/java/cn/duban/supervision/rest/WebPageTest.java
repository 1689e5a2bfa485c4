package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The office's page is served here without a token; the API behind it still needs one. */
@QuarkusTest
class WebPageTest {

    @BeforeEach
    void anonymous() {
        TestTokens.actAs(null);
    }

    @Test
    void thePageAndItsAssetsAreOpen() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"zh-CN\""), containsString("/assets/app.js"));
        for (String asset : new String[] {"app.js", "auth.js", "api.js", "ui.js", "dom.js", "app.css", "views/board.js",
                "views/tasks.js", "views/chart.js", "views/alerts.js", "views/scores.js", "views/ledger.js",
                "vendor/fetch-event-source/index.js", "vendor/fetch-event-source/fetch.js",
                "vendor/fetch-event-source/parse.js", "vendor/fetch-event-source/LICENSE"}) {
            given().get("/assets/" + asset).then().statusCode(200);
        }
    }

    @Test
    void itLearnsWhereToSignInFromTheServiceConfig() {
        given().get("/app/config.json").then().statusCode(200)
                .body("keycloakUrl", equalTo("http://127.0.0.1:8080/realms/duban"), "clientId", equalTo("duban-web"));
    }

    @Test
    void theApiStillNeedsAToken() {
        given().get("/api/supervision/tasks").then().statusCode(401);
        given().get("/api/supervision/ledger/export.xlsx").then().statusCode(401);
    }
}
