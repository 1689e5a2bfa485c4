package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.supervision.repository.AlertNotice;
import cn.duban.supervision.service.AlertFeed;
import cn.duban.testsupport.SseStream;
import cn.duban.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    void aClientThatLeavesBeforeItsFirstNoticeResumesFromTheIdItsStreamOpenedWith() {
        String bearer = TestTokens.supervisor(); // sees every notice, so what it is owed is every position after
        SseStream first = listen(bearer, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.startId() != null);
        long start = Long.parseLong(first.startId());
        assertThat(first.comments()).contains("stream open");
        first.close(); // e.g. its replica is killed: no notice came yet

        String away1 = remind(WUMIAO, "开流后离开一");
        String away2 = remind(WUMIAO, "开流后离开二");
        SseStream again = listen(bearer, Long.toString(start));
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(again, away2) == 1);
        assertThat(heard(again, away1)).isOne();
        assertThat(again.startId()).isNull(); // a resumed stream opens without an id: the client keeps its own
        assertThat(again.comments()).contains("stream open");
        assertThat(again.events()).noneMatch(e -> e.name().equals("resync"));
        // exactly the notices after the start, as many as the table holds up to the newest heard, each once
        List<Long> ids = again.messages().stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isEqualTo(positions(start, ids.get(ids.size() - 1)));
        assertThat(first.messages()).allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(start));
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
            assertThat(resync.id()).matches("[0-9]+"); // the newest position: a reconnect resumes from there
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
        SseStream.Event resync = resumed.events().get(0);
        assertThat(resync.name()).isEqualTo("resync");
        assertThat(resync.data()).contains("\"reason\":\"too-many\"");
        // its id covers the backlog it skipped, so a client that drops now resumes after it, not into a resync again
        long covered = Long.parseLong(resync.id());
        assertThat(covered).isGreaterThanOrEqualTo(first.messages().stream().filter(e -> e.data().contains(last))
                .mapToLong(e -> Long.parseLong(e.id())).max().orElseThrow());
        String live = remind(WUMIAO, "之后");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(resumed, live) == 1); // then it goes on live
        resumed.close();

        String later = remind(WUMIAO, "再之后");
        SseStream again = listen(TestTokens.supervisor(), resync.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(again, later) == 1);
        assertThat(heard(again, live)).isOne();
        assertThat(again.events()).noneMatch(e -> e.name().equals("resync"));
        assertThat(again.messages()).allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(covered));
        assertThat(heard(again, last)).isZero();
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

    /** The positions in alert_notice after {@code after} up to {@code upTo}, in order. */
    private static List<Long> positions(long after, long upTo) {
        return QuarkusTransaction.requiringNew().call(() -> AlertNotice.<AlertNotice>find(
                "position > ?1 and position <= ?2 order by position", after, upTo).stream().map(n -> n.position).toList());
    }

    private static long heard(SseStream s, String message) {
        return s.messages().stream().filter(e -> e.data().contains(message)).count();
    }
}
