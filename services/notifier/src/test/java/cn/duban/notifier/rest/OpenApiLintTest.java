package cn.duban.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.notifier.NotifierInfra;
import cn.duban.testsupport.OpenApiLint;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 16: the notifier's /q/openapi passes Redocly's recommended rules without an error (docs/api.md, "Linting"). */
@QuarkusTest
class OpenApiLintTest extends NotifierInfra {

    @Test
    void theDocumentPassesTheLinter() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(OpenApiLint.errors("notifier", document)).isEmpty();
    }
}
