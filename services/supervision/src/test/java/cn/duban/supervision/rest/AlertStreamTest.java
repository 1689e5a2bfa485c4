package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The office's and a unit's live feed (SSE) of alert notices. */
@QuarkusTest
class AlertStreamTest {

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }

    @TestHTTPResource("/api/supervision/alerts/stream")
    URI stream;

    @Test
    void aUnitReportersStreamCarriesItsUnitsRemindersAndNotOthers() {
        List<String> wumiao = listenAs(TestTokens.unitReporter("wenwu", "culture-tourism", "县文物局"));
        List<String> other = listenAs(TestTokens.unitReporter("jiaoyu", "livelihood", "县教育科技局"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().contentType(ContentType.JSON).body("{\"message\":\"请报送武庙修缮进展\"}")
                    .post("/api/supervision/tasks/2022-CUL-002/reminders").then().statusCode(200);
            assertThat(wumiao).anySatisfy(line -> assertThat(line).contains("ReminderSent", "2022-CUL-002"));
        });
        assertThat(other).noneSatisfy(line -> assertThat(line).contains("2022-CUL-002"));
    }

    /** A unit reporter's stream, unfiltered by the client: the service narrows it to the token's unit. */
    private List<String> listenAs(String bearer) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", bearer).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }
}
