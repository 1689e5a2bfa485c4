package cn.duban.agriculture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.duban.events.Sector;
import cn.duban.testsupport.TestTasks;
import cn.duban.testsupport.TestTokens;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the department API on a farmland task of its own ({@link #taskId}), assigned afresh before each test, as
 * {@link #actor()}; a failed check logs its request and response.
 */
abstract class OnAFreshFarmlandTask {
    String taskId;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void assignATask() {
        TestTokens.actAs(actor());
        taskId = assignFarmland();
    }

    /** Who the test acts as: the sector's reporter, unless a test says otherwise. */
    String actor() {
        return TestTokens.sectorReporter("agriculture");
    }

    /** A fresh farmland task, assigned on duban.tasks.v1 as supervision would, once agriculture shows it. */
    static String assignFarmland() {
        String id = TestTasks.newId(Sector.AGRICULTURE);
        TestTasks.assign(TestTasks.farmland(id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/agriculture/tasks/{id}", id).then().statusCode(200));
        return id;
    }
}
