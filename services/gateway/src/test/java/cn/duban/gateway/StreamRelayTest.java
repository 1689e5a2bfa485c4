package cn.duban.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.duban.testsupport.SseStream;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert streams at the gateway: released at the service as soon as their client leaves, on connections of their
 * own (ordinary calls never wait behind them), a cap per user, and cut at the token's expiry. The supervision stub
 * counts the stream connections it holds open (GatewayStubs).
 */
@QuarkusTest
@QuarkusTestResource(GatewayStubs.class)
class StreamRelayTest {
    private static final String OFFICE_STREAM = "/api/supervision/alerts/stream";
    private static final String PHONE_STREAM = "/api/mobile/me/alerts/stream";

    @TestHTTPResource("/")
    URI gateway;

    @ConfigProperty(name = "duban.gateway.services.supervision")
    URI supervision;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aStreamIsReleasedAtTheServiceAsSoonAsItsClientLeaves() {
        int before = openAtSupervision();
        List<SseStream> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streams.add(open(i % 2 == 0 ? OFFICE_STREAM : PHONE_STREAM, reporter("leaver-" + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openAtSupervision() == before + 3);
        streams.forEach(SseStream::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> openAtSupervision() == before);
    }

    @Test
    void aClientThatLeavesWhileItsStreamIsOpenedIsReleasedToo() throws Exception {
        int before = openAtSupervision();
        // The stub holds this stream's head for 2 s; the client is gone long before.
        try (Socket client = new Socket(gateway.getHost(), gateway.getPort())) {
            OutputStream out = client.getOutputStream();
            out.write(("GET " + OFFICE_STREAM + "?slow HTTP/1.1\r\nHost: gateway\r\nAccept: text/event-stream\r\n"
                    + "Authorization: " + reporter("hasty") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> openAtSupervision() == before + 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openAtSupervision() == before);
    }

    @Test
    void ordinaryCallsNeverWaitBehindStreams() {
        // More streams than the ordinary calls' pool holds connections (64): they have their own.
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 70; i++) {
                SseStream s = open(PHONE_STREAM, reporter("crowd-" + i));
                assertThat(s.status()).isEqualTo(200);
                streams.add(s);
            }
            // Answered, not left waiting for a connection a stream holds (10 s and the test fails).
            given().config(answerWithin(10_000)).header("Authorization", TestTokens.supervisor())
                    .get("/api/supervision/units").then().statusCode(200).body("service", equalTo("supervision"));
            given().config(answerWithin(10_000)).header("Authorization", reporter("crowd-0"))
                    .get("/api/mobile/me/alerts").then().statusCode(200);
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    @Test
    void aUserOverTheCapIsToldInChineseAndOthersAreNot() {
        String greedy = reporter("greedy-streamer");
        List<SseStream> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) { // the test profile's cap; 10 in production
                SseStream s = open(i == 0 ? OFFICE_STREAM : PHONE_STREAM, greedy);
                assertThat(s.status()).isEqualTo(200);
                mine.add(s);
            }
            SseStream refused = open(PHONE_STREAM, greedy);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.response().headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("[0-9]+"));
            JsonObject problem = new JsonObject(refused.refusal());
            assertThat(problem.getString("type")).isEqualTo("urn:duban:problem:too-many-streams");
            assertThat(problem.getString("detail")).contains("greedy-streamer", "上限 3 个");

            SseStream other = open(PHONE_STREAM, reporter("modest-streamer"));
            assertThat(other.status()).isEqualTo(200);
            mine.add(other);

            mine.get(0).close(); // a stream given back makes room again
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                SseStream again = open(OFFICE_STREAM, greedy);
                mine.add(again);
                return again.status() == 200;
            });
        } finally {
            mine.forEach(SseStream::close);
        }
    }

    @Test
    void aStreamIsCutWhenItsTokenHasExpired() {
        int before = openAtSupervision();
        String brief = TestTokens.as("brief-streamer").roles("unit-reporter").claim("unit", "县农业农村局")
                .lifetime(Duration.ofSeconds(3)).bearer();
        // The stub never ends a stream; the gateway cuts it after exp and the test profile's 1 s grace.
        try (SseStream s = open(PHONE_STREAM, brief)) {
            assertThat(s.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(s::ended);
            assertThat(s.messages()).isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openAtSupervision() == before);
    }

    private static RestAssuredConfig answerWithin(int ms) {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", ms).setParam("http.connection.timeout", ms));
    }

    private static String reporter(String user) {
        return TestTokens.as(user).roles("unit-reporter").claim("unit", "县农业农村局").bearer();
    }

    private SseStream open(String path, String bearer) {
        return SseStream.open(gateway.resolve(path), Map.of("Authorization", bearer));
    }

    private int openAtSupervision() {
        return Integer.parseInt(given().baseUri(supervision.toString()).get("/stub/open-streams").asString());
    }
}
