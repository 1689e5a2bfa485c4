package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import cn.duban.testsupport.KeycloakTokens;
import cn.duban.testsupport.SseStream;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 2 — "alert streams starve the gateway" — as an attacker and an unlucky user would try it,
 * against the real Keycloak, gateway and services: many streams from many users leave ordinary calls answering
 * and are released at supervision once their clients leave; a user over the cap is refused; a stream ends at its
 * token's expiry; a client that reconnects with Last-Event-ID gets what was raised while it was away, once.
 */
class StreamAttackTest extends OnTheRunningSuite {
    static final String OFFICE_STREAM = "/api/supervision/alerts/stream";
    static final String PHONE_STREAM = "/api/mobile/me/alerts/stream";
    /** The gateway's cap per user (duban.gateway.streams.per-user). */
    static final int PER_USER = 10;
    /** The demo realm's people and department systems: 20 callers, 10 streams each, 200 streams. */
    static final List<String> USERS = List.of("supervisor", "leader", "agriculture", "agriculture-bureau", "industry",
            "industry-bureau", "culture-tourism", "culture-tourism-bureau", "urban-construction", "housing-bureau",
            "reform", "reform-bureau", "livelihood", "education-bureau");
    static final List<String> SYSTEMS = List.of("agriculture-bureau", "industry-bureau", "culture-tourism-bureau",
            "housing-bureau", "reform-bureau", "education-bureau");


    @AfterAll
    static void resetTheClock() {
        if (suite != null) {
            moveClock("2022-03-01T09:00:00+08:00"); // the other journeys share the suite
        }
    }

    @Test
    void twoHundredStreamsLeaveOrdinaryCallsAnsweringAndAreReleasedOnceTheirClientsLeave() {
        Map<String, String> callers = new LinkedHashMap<>();
        USERS.forEach(u -> callers.put(u, KeycloakTokens.user(u)));
        SYSTEMS.forEach(s -> callers.put(s + "-system", KeycloakTokens.system(s + "-system", "duban-demo-" + s)));
        int before = openAtSupervision();
        List<SseStream> streams = new ArrayList<>();
        try {
            callers.forEach((who, bearer) -> {
                for (int i = 0; i < PER_USER; i++) {
                    SseStream s = open(i % 2 == 0 ? PHONE_STREAM : OFFICE_STREAM, bearer, null);
                    streams.add(s);
                    assertThat(s.status()).as("stream %d of %s", i + 1, who).isEqualTo(200);
                }
            });
            assertThat(streams).hasSize(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> openAtSupervision() >= before + 200);

            // Ordinary calls through the gateway answer as usual: the web page, its API, the phone API.
            String leader = callers.get("leader");
            given().config(answerWithin(15_000)).get(gateway + "/").then().statusCode(200);
            given().config(answerWithin(15_000)).header("Authorization", leader).queryParam("size", 5)
                    .get(gateway + "/api/supervision/tasks").then().statusCode(200);
            given().config(answerWithin(15_000)).header("Authorization", callers.get("agriculture-bureau"))
                    .get(gateway + "/api/mobile/me/tasks").then().statusCode(200);
            given().config(answerWithin(15_000)).header("Authorization", leader)
                    .get(gateway + "/api/agriculture/tasks").then().statusCode(200);

            // One stream more for a user at the cap is refused, in Chinese; the others keep theirs.
            SseStream greedy = open(PHONE_STREAM, callers.get("agriculture-bureau"), null);
            assertThat(greedy.status()).isEqualTo(429);
            assertThat(greedy.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonPath problem = new JsonPath(greedy.refusal());
            assertThat(problem.getString("type")).isEqualTo("urn:duban:problem:too-many-streams");
            assertThat(problem.getString("detail")).contains("agriculture-bureau", "上限 10 个");
        } finally {
            streams.forEach(SseStream::close);
        }
        // Every stream's connection to supervision is let go as soon as its client left.
        await().atMost(Duration.ofSeconds(30)).until(() -> openAtSupervision() <= before);
    }

    @Test
    void aStreamEndsAtItsTokensExpiry() {
        // duban-cli-brief: the demo realm's test client whose access tokens live 20 s (docs/security.md).
        String brief = "Bearer " + JsonPath.from(KeycloakTokens.request(Map.of("grant_type", "password",
                "client_id", "duban-cli-brief", "username", "reform-bureau", "password", KeycloakTokens.DEMO_PASSWORD))
                .body()).getString("access_token");
        try (SseStream s = open(PHONE_STREAM, brief, null)) {
            assertThat(s.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(90)).until(s::ended);
            List<SseStream.Event> events = s.events();
            assertThat(events).isNotEmpty();
            assertThat(events.get(events.size() - 1).name()).isEqualTo("end");
            assertThat(events.get(events.size() - 1).data()).contains("\"reason\":\"token-expired\"");
        }
    }

    @Test
    void aClientThatReconnectsWithTheLastIdGetsWhatWasRaisedWhileItWasAwayEachOnce() {
        // from the demo's first day, whichever day an earlier test left the office at: the move below must raise alerts
        AlertJourneyTest.clock("2022-03-01T09:00:00+08:00");
        String unit = KeycloakTokens.user("agriculture-bureau");
        String taskId = given().header("Authorization", unit).get(gateway + "/api/mobile/me/tasks").then()
                .statusCode(200).extract().path("items[0].id");
        String lastId;
        try (SseStream first = open(PHONE_STREAM, unit, null)) {
            String hello = remind(taskId, "离开前");
            await().atMost(Duration.ofSeconds(30)).until(() -> heard(first, hello) == 1);
            lastId = first.lastEventId();
        }

        // Away: the clock moves (alerts are raised for the unit's tasks) and the office reminds it.
        String at = "2022-06-01T10:00:00+08:00";
        moveClock(at);
        String whileAway = remind(taskId, "离开时");

        try (SseStream again = open(PHONE_STREAM, unit, lastId)) {
            assertThat(again.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> raised = new HashSet<>(given().header("Authorization", unit).queryParam("size", 200)
                        .get(suite.url("supervision") + "/api/supervision/alerts").then().statusCode(200)
                        .extract().<List<Map<String, Object>>>path("items").stream()
                        .filter(a -> !Boolean.TRUE.equals(a.get("inhibited")) // an inhibited alert is not announced
                                && raisedByTheMove(OffsetDateTime.parse((String) a.get("raisedAt")), OffsetDateTime.parse(at)))
                        .map(a -> (String) a.get("id")).toList());
                assertThat(raised).as("alerts raised for 县农业农村局 at the clock move").isNotEmpty();
                assertThat(alertIds(again, "AlertRaised")).containsAll(raised);
                assertThat(heard(again, whileAway)).isOne();
            });
            List<String> notices = again.messages().stream().map(e -> e.id() + " " + e.data()).toList();
            List<String> raisedNotices = again.messages().stream()
                    .filter(e -> e.data().contains("\"event\":\"AlertRaised\"")).map(SseStream.Event::data).toList();
            assertThat(raisedNotices).as("each raised alert once").doesNotHaveDuplicates();
            List<Long> ids = again.messages().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).as(String.join("\n", notices)).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastId)));
        }
    }

    /**
     * Raised by the run the clock move queued: that run reads the business clock when it starts, a moment after the
     * move, so its alerts carry the move's time plus that moment (earlier tests' alerts are at other business days).
     */
    static boolean raisedByTheMove(OffsetDateTime raisedAt, OffsetDateTime movedTo) {
        return !raisedAt.isBefore(movedTo) && raisedAt.isBefore(movedTo.plusMinutes(10));
    }

    static SseStream open(String path, String bearer, String lastEventId) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", bearer));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseStream.open(URI.create(gateway + path), headers);
    }

    /** Alert streams open at supervision now, from its metric duban_alert_streams_open. */
    static int openAtSupervision() {
        String metrics = given().get(suite.url("supervision") + "/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("duban_alert_streams_open"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void moveClock(String now) {
        given().header("Authorization", KeycloakTokens.user("supervisor")).contentType(ContentType.JSON)
                .body(Map.of("now", now)).post(suite.url("supervision") + "/api/supervision/admin/clock").then()
                .statusCode(anyOf(is(200), is(202)));
    }

    static String remind(String taskId, String text) {
        String message = text + " " + UUID.randomUUID();
        given().header("Authorization", KeycloakTokens.user("supervisor")).contentType(ContentType.JSON)
                .body(Map.of("message", message))
                .post(RunningSuite.get().url(RunningSuite.GATEWAY) + "/api/supervision/tasks/{id}/reminders", taskId)
                .then().statusCode(200);
        return message;
    }

    static long heard(SseStream s, String message) {
        return s.messages().stream().filter(e -> e.data().contains(message)).count();
    }

    static List<String> alertIds(SseStream s, String event) {
        return s.messages().stream().filter(e -> e.data().contains("\"event\":\"" + event + "\""))
                .map(e -> new JsonPath(e.data()).getString("alertId")).toList();
    }

    static RestAssuredConfig answerWithin(int ms) {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", ms).setParam("http.connection.timeout", ms));
    }
}
