package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.supervision.service.AlertFeed;
import cn.duban.testsupport.SseStream;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The office's and a unit's live feed (SSE) of alert notices: narrowed to the caller, ids in commit order,
 * resume with Last-Event-ID, heartbeats, an end at the token's expiry, and nothing held once the client leaves.
 */
@QuarkusTest
class AlertStreamTest {
    private static final String WUMIAO = "2022-CUL-002"; // led by 县文物局

    @TestHTTPResource("/api/supervision/alerts/stream")
    URI stream;

    @Inject
    AlertFeed feed;

    private final List<SseStream> opened = new ArrayList<>();

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }

    @org.junit.jupiter.api.AfterEach
    void leave() {
        opened.forEach(SseStream::close);
    }

    @Test
    void aUnitReportersStreamCarriesItsUnitsRemindersAndNotOthers() {
        SseStream wumiao = listen(TestTokens.unitReporter("wenwu", "culture-tourism", "县文物局"), null);
        SseStream other = listen(TestTokens.unitReporter("jiaoyu", "livelihood", "县教育科技局"), null);

        String message = remind(WUMIAO, "请报送武庙修缮进展");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(wumiao, message) == 1);
        assertThat(wumiao.messages()).allSatisfy(e -> assertThat(e.id()).matches("[0-9]+"));
        assertThat(other.messages()).noneSatisfy(e -> assertThat(e.data()).contains(message));
    }

    @Test
    void aClientThatReconnectsWithTheLastIdGetsWhatItMissedEachOnceThenGoesOnLive() {
        String bearer = TestTokens.unitReporter("wenwu-away", "culture-tourism", "县文物局");
        SseStream first = listen(bearer, null);
        String before = remind(WUMIAO, "离开前");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(first, before) == 1);
        String lastId = first.lastEventId();
        first.close();

        String away1 = remind(WUMIAO, "离开时一");
        String away2 = remind(WUMIAO, "离开时二");
        SseStream again = listen(bearer, lastId);
        String back = remind(WUMIAO, "回来后");

        await().atMost(Duration.ofSeconds(20)).until(() -> heard(again, back) == 1);
        assertThat(heard(again, before)).isZero();
        assertThat(heard(again, away1)).isOne();
        assertThat(heard(again, away2)).isOne();
        List<Long> ids = again.messages().stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastId)));
        String text = String.join("\n", again.messages().stream().map(SseStream.Event::data).toList());
        assertThat(text.indexOf(away1)).isLessThan(text.indexOf(away2));
        assertThat(text.indexOf(away2)).isLessThan(text.indexOf(back));
    }

    @Test
    void anIdThatCannotBeResumedIsAResyncTheClientUnderstands() {
        String bearer = TestTokens.supervisor();
        for (String unknown : List.of("999999999999", "not-a-number")) {
            SseStream resumed = listen(bearer, unknown);
            await().atMost(Duration.ofSeconds(20)).until(() -> !resumed.events().isEmpty());
            SseStream.Event resync = resumed.events().get(0);
            assertThat(resync.name()).isEqualTo("resync");
            assertThat(resync.data()).contains("\"event\":\"Resync\"", "\"reason\":\"unknown\"", "请刷新督办单列表");
        }
    }

    @Test
    void tooFarBehindIsAResyncNotAFlood() {
        SseStream first = listen(TestTokens.supervisor(), null);
        String start = remind(WUMIAO, "起点");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(first, start) == 1);
        String lastId = first.lastEventId();
        String backlog = null;
        for (int i = 0; i <= 20; i++) { // the test profile's replay limit is 20
            backlog = remind(WUMIAO, "积压 " + i);
        }
        // Positions are given after commit, a moment later: resume once the whole backlog has them (the first
        // stream heard its last), else a busy machine resumes a client fewer than 21 behind and rightly replays.
        String last = backlog;
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(first, last) == 1);
        SseStream resumed = listen(TestTokens.supervisor(), lastId);
        await().atMost(Duration.ofSeconds(20)).until(() -> !resumed.events().isEmpty());
        assertThat(resumed.events().get(0).name()).isEqualTo("resync");
        assertThat(resumed.events().get(0).data()).contains("\"reason\":\"too-many\"");
        String live = remind(WUMIAO, "之后");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(resumed, live) == 1);
    }

    @Test
    void aQuietStreamSendsHeartbeats() {
        SseStream quiet = listen(TestTokens.unitReporter("quiet", "livelihood", "县教育科技局"), null);
        // the test profile beats every second; production every 15 s
        await().atMost(Duration.ofSeconds(20)).until(() -> quiet.comments().contains("keep-alive"));
        assertThat(quiet.ended()).isFalse();
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        String shortLived = TestTokens.as("brief").roles("unit-reporter").claim("sector", "culture-tourism")
                .claim("unit", "县文物局").lifetime(Duration.ofSeconds(4)).bearer();
        SseStream brief = listen(shortLived, null);
        assertThat(brief.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(brief::ended);
        SseStream.Event last = brief.events().get(brief.events().size() - 1);
        assertThat(last.name()).isEqualTo("end");
        assertThat(last.data()).contains("\"event\":\"StreamEnd\"", "\"reason\":\"token-expired\"");
    }

    @Test
    void nothingIsHeldOnceTheClientsLeave() {
        int before = feed.open();
        List<SseStream> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(listen(TestTokens.unitReporter("leaver" + i, "livelihood", "县教育科技局"), null));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> feed.open() == before + 5);
        streams.forEach(SseStream::close);
        await().atMost(Duration.ofSeconds(20)).until(() -> feed.open() == before);
    }

    private SseStream listen(String bearer, String lastEventId) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", bearer));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        SseStream s = SseStream.open(stream, headers);
        opened.add(s);
        return s;
    }

    /** Sends a reminder on {@code taskId} with a message no other test uses, and returns that message. */
    private static String remind(String taskId, String text) {
        String message = text + " " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("message", message))
                .post("/api/supervision/tasks/{id}/reminders", taskId).then().statusCode(200);
        return message;
    }

    private static long heard(SseStream s, String message) {
        return s.messages().stream().filter(e -> e.data().contains(message)).count();
    }
}
