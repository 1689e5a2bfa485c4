package cn.duban.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.duban.notifier.NotifierInfra;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The office configures the notifier: receivers (secrets write-only, allow-listed), routes, silences; no one else may. */
@QuarkusTest
class NotifyApiTest extends NotifierInfra {

    @BeforeEach
    void asTheOffice() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestTokens.actAs(TestTokens.supervisor());
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRobotsSecretAndTokenNeverComeBack() {
        String name = name("钉钉群");
        given().contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "kind": "dingtalk", "url": "http://127.0.0.1:9/robot/send?access_token=abcdef0123456789", "secret": "SECtopsecret"}
                        """.formatted(name))
                .post("/api/notify/receivers")
                .then().statusCode(201)
                .body("name", equalTo(name)).body("kind", equalTo("dingtalk")).body("hasSecret", equalTo(true))
                .body("secret", nullValue())
                .body("url", equalTo("http://127.0.0.1:9/robot/send?access_token=…"))
                .body(not(containsString("SECtopsecret"))).body(not(containsString("abcdef0123456789")));

        given().get("/api/notify/receivers").then().statusCode(200)
                .body("items.name", hasItem(name))
                .body(not(containsString("SECtopsecret"))).body(not(containsString("abcdef0123456789")));
    }

    @Test
    void internalAddressesAndHostsOffTheAllowListAreRefused() {
        for (String url : new String[] {"http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://intranet.example/hook", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/hook"}) {
            given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN")
                    .body("{\"name\": \"%s\", \"kind\": \"webhook\", \"url\": \"%s\"}".formatted(name("hook"), url))
                    .post("/api/notify/receivers")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("url"));
        }
    }

    @Test
    void badReceiversGetChineseFieldErrorsAndChangeNothing() {
        String name = name("邮箱");
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"kind\": \"pager\", \"to\": \"not-an-address\"}".formatted(name))
                .post("/api/notify/receivers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("应为 dingtalk、wecom、feishu、email 或 webhook"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"kind\": \"email\", \"to\": \"not-an-address\"}".formatted(name))
                .post("/api/notify/receivers")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        given().get("/api/notify/receivers").then().body("items.name", not(hasItem(name)));
    }

    @Test
    void routesNamingUnknownReceiversOrLabelsAreRefusedWithWhere() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"receiver": "nobody-at-all", "routes": [{"matchers": ["ligth=RED"], "groupWait": "soon"}]}
                        """)
                .put("/api/notify/routes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("receiver"))
                .body("errors.field", hasItem("routes[0].matchers[0]"))
                .body("errors.field", hasItem("routes[0].groupWait"));
    }

    @Test
    void aSilenceNeedsMatchersAnEndAndAReasonAndIsAudited() {
        given().contentType(ContentType.JSON).body("{\"matchers\": [], \"comment\": \"\"}")
                .post("/api/notify/silences")
                .then().statusCode(400).body("errors.field", hasItem("matchers")).body("errors.field", hasItem("endsAt"))
                .body("errors.field", hasItem("comment"));

        String id = given().contentType(ContentType.JSON)
                .body("{\"matchers\": [\"sector=reform\", \"light!=RED\"], \"duration\": \"2h\", \"comment\": \"改革领域集中整改期间\"}")
                .post("/api/notify/silences")
                .then().statusCode(201).body("active", equalTo(true)).body("createdBy", equalTo("supervisor"))
                .extract().path("id");
        given().delete("/api/notify/silences/" + id).then().statusCode(200).body("active", equalTo(false))
                .body("endedBy", equalTo("supervisor"));
        given().get("/api/notify/silences/" + id + "/audit").then().statusCode(200)
                .body("action", hasItem("silence.created")).body("action", hasItem("silence.ended"));
    }

    @Test
    void onlyTheOfficeMayTouchTheNotifier() {
        TestTokens.actAs(null);
        given().get("/api/notify/receivers").then().statusCode(401).contentType("application/problem+json");
        for (String bearer : new String[] {TestTokens.leader("分管工业工作的副县长"), TestTokens.sectorReporter("agriculture"),
                TestTokens.unitReporter("nongye", "agriculture", "县农业农村局")}) {
            given().header("Authorization", bearer).get("/api/notify/routes").then().statusCode(403);
            given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body("{\"matchers\": [\"sector=agriculture\"], \"duration\": \"1h\", \"comment\": \"x\"}")
                    .post("/api/notify/silences").then().statusCode(403);
            given().header("Authorization", bearer).get("/api/notify/deliveries?alertId=AL-x").then().statusCode(403);
        }
    }
}
