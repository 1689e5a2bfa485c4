package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The office's and a unit's live feed (SSE) of alert notices. */
@QuarkusTest
class AlertStreamTest {

    @TestHTTPResource("/api/supervision/alerts/stream")
    URI stream;

    @Test
    void aUnitsStreamCarriesItsRemindersAndNotOthers() {
        List<String> wumiao = listen("县文物局");
        List<String> other = listen("县教育科技局");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().contentType(ContentType.JSON).body("{\"message\":\"请报送武庙修缮进展\"}")
                    .post("/api/supervision/tasks/2022-CUL-002/reminders").then().statusCode(200);
            assertThat(wumiao).anySatisfy(line -> assertThat(line).contains("ReminderSent", "2022-CUL-002"));
        });
        assertThat(other).noneSatisfy(line -> assertThat(line).contains("2022-CUL-002"));
    }

    private List<String> listen(String unit) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?unit="
                + URLEncoder.encode(unit, StandardCharsets.UTF_8))).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }
}
