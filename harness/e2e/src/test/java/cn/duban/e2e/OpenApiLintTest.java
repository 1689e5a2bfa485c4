package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.testsupport.OpenApiLint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: every service's /q/openapi, as the running service serves it, passes Redocly's recommended rules
 * without an error (docs/api.md, "Linting"): servers, a declared security scheme on every operation or an explicit
 * "no token", unique operation ids, path parameters defined. The notifier, not part of this suite, has its own test.
 */
class OpenApiLintTest extends OnTheRunningSuite {

    @ParameterizedTest
    @ValueSource(strings = {"supervision", "agriculture", "industry", "culture-tourism", "urban-construction", "reform",
            "livelihood"})
    void theServiceDocumentPassesTheLinter(String service) {
        String document = given().baseUri(suite.url(service)).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(OpenApiLint.errors(service, document)).as(service + "'s /q/openapi under Redocly's recommended rules")
                .isEmpty();
    }
}
