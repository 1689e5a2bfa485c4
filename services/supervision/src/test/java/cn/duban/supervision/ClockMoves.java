package cn.duban.supervision;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** Moves the demo's business clock as the office does, and waits for the re-evaluation it queues to finish. */
public final class ClockMoves {
    /** Where the demo's clock stands when the services start, and where each test leaves it. */
    public static final String DEMO_START = "2022-03-01T09:00:00+08:00";

    private ClockMoves() {
    }

    public static void moveTo(String now) {
        moveTo(now, io.restassured.RestAssured::given);
    }

    /** @param as a request as whoever moves it (the office) */
    public static void moveTo(String now, Supplier<RequestSpecification> as) {
        long run = as.get().contentType(ContentType.JSON).body(Map.of("now", now)).post("/api/supervision/admin/clock")
                .then().statusCode(202).body("evaluation.state", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING"))
                .extract().jsonPath().getLong("evaluation.id");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as.get().get("/api/supervision/admin/evaluations/{id}", run).then().statusCode(200)
                        .body("state", equalTo("DONE")));
    }
}
