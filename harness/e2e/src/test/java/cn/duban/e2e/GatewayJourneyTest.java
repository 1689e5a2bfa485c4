package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.empty;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A phone that knows only the gateway's port: it logs in through Keycloak behind the gateway, lists its tasks,
 * hears the office remind it on its alert stream, and keeps working when one sector service is down.
 */
class GatewayJourneyTest extends OnTheRunningSuite {

    @Test
    void aPhoneLogsInThroughTheGatewayListsItsTasksAndHearsAReminderAtOnce() throws Exception {
        String unit = login("agriculture-bureau");
        assertThat(claims(unit)).contains("\"iss\":\"" + gateway + "/realms/duban\"");

        given().header("Authorization", unit).get(gateway + "/api/mobile/me").then().statusCode(200)
                .body("user", equalTo("agriculture-bureau")).body("unit", equalTo("县农业农村局"));
        Response tasks = given().header("Authorization", unit).queryParam("size", 5).get(gateway + "/api/mobile/me/tasks");
        tasks.then().statusCode(200).body("items", not(empty())).body("items.light", everyItem(notNullValue()))
                .body("items.next.date", everyItem(notNullValue()));
        String taskId = tasks.path("items[0].id");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest open = HttpRequest.newBuilder(URI.create(gateway + "/api/mobile/me/alerts/stream"))
                .header("Authorization", unit).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Void>> stream = HttpClient.newHttpClient()
                .sendAsync(open, HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector(lines)));
        try {
            String supervisor = login("supervisor");
            // The stream may not be subscribed at supervision yet when the first reminder goes out: try a few.
            String heard = null;
            for (int attempt = 0; attempt < 10 && heard == null; attempt++) {
                String message = "请于本周内报送进度 " + UUID.randomUUID();
                long sent = System.nanoTime();
                given().header("Authorization", supervisor).contentType(ContentType.JSON).body(Map.of("message", message))
                        .post(gateway + "/api/supervision/tasks/{id}/reminders", taskId).then().statusCode(200);
                heard = awaitLine(lines, message, sent + Duration.ofSeconds(2).toNanos());
            }
            assertThat(heard).as("a ReminderSent notice within 2 s of the reminder").isNotNull().contains("ReminderSent");
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void everyServiceLogsTheGatewaysRequestId() {
        String leader = login("leader");
        String id = "e2e-" + UUID.randomUUID();
        given().header("Authorization", leader).header("X-Request-Id", id).get(gateway + "/api/industry/tasks")
                .then().statusCode(200).header("X-Request-Id", id);
        // The service itself puts it into its MDC and says so on its own answer.
        given().header("Authorization", leader).header("X-Request-Id", id).get(suite.url("industry") + "/api/industry/tasks")
                .then().statusCode(200).header("X-Request-Id", id);
    }

    @Test
    void aStoppedSectorServiceIsA502OnItsRoutesOnly() throws Exception {
        String leader = login("leader");
        suite.kill("livelihood");
        try {
            given().header("Authorization", leader).get(gateway + "/api/livelihood/tasks").then().statusCode(502)
                    .contentType("application/problem+json").body("service", equalTo("livelihood"))
                    .body("type", equalTo("urn:duban:problem:service-unavailable"));
            given().header("Authorization", leader).get(gateway + "/api/agriculture/tasks").then().statusCode(200);
            given().header("Authorization", leader).get(gateway + "/api/mobile/me").then().statusCode(200);
        } finally {
            suite.restart("livelihood");
        }
    }

    /** The password grant of the demo CLI client, at Keycloak behind the gateway. */
    static String login(String user) {
        return "Bearer " + given().baseUri(gateway).formParam("grant_type", "password").formParam("client_id", "duban-cli")
                .formParam("username", user).formParam("password", "duban")
                .post("/realms/duban/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static String claims(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    private static String awaitLine(BlockingQueue<String> lines, String wanted, long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && line.contains(wanted)) {
                return line;
            }
        }
        return null;
    }

    /** Hands each line of the stream to the test as it arrives. */
    private record LineCollector(BlockingQueue<String> lines) implements java.util.concurrent.Flow.Subscriber<String> {
        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onComplete() {
        }
    }
}
