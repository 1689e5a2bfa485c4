package cn.duban.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /m/: the phone app's files and the npm libraries the build put beside them, open, under a strict CSP. Each test
 * comes from its own address (through the trusted proxy), as anonymous callers are rate-limited by address.
 */
@QuarkusTest
@QuarkusTestResource(GatewayStubs.class)
class PhoneAppTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theAppIsServedWithoutATokenUnderAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
        from("10.4.0.1");
        Response page = given().redirects().follow(false).get("/m/");
        page.then().statusCode(200).contentType(startsWith("text/html")).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").body(containsString("<html lang=\"zh-CN\">"));
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        // the one inline script, the import map, is allowed by its hash and nothing else is
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page.asString());
        assertThat(importMap.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "'");

        given().redirects().follow(false).get("/m").then().statusCode(302).header("Location", equalTo("/m/"));
        given().get("/m/app.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("import"));
        // the DOM helper shared with the office's page (libs/web), copied beside the app by the build
        given().get("/m/dom.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export function el("));
    }

    @Test
    void theNpmLibrariesAreVendoredByTheBuild() {
        from("10.4.0.2");
        given().get("/m/vendor/oidc-client-ts.min.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("UserManager"));
        given().get("/m/vendor/fetch-event-source/index.js").then().statusCode(200).body(containsString("fetchEventSource"));
        given().get("/m/vendor/fetch-event-source/fetch.js").then().statusCode(200);
        given().get("/m/vendor/idb-keyval/index.js").then().statusCode(200).body(containsString("createStore"));
        given().get("/m/vendor/oidc-client-ts/LICENSE").then().statusCode(200);
    }

    @Test
    void nothingElseIsServedFromThere() {
        from("10.4.0.3");
        given().get("/m/nothing.js").then().statusCode(404);
        given().get("/m/../../application.properties").then().statusCode(404);
        given().get("/m/package.json").then().statusCode(404);
    }

    private static void from(String address) {
        RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("X-Forwarded-For", address).build();
    }

    @org.junit.jupiter.api.AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
