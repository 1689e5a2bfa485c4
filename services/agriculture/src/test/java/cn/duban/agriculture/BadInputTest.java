package cn.duban.agriculture;

import static io.restassured.RestAssured.given;

import cn.duban.testsupport.BadInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint of the department API against thousands of generated bodies (BadInput): never a 5xx, every
 * refusal a 4xx application/problem+json, and nothing stored or put in the outbox for a refusal. A failure names its
 * seed; {@code -Dduban.fuzz.seed=<seed>} replays it, {@code -Dduban.fuzz.cases=} sets the count.
 */
@QuarkusTest
class BadInputTest extends OnAFreshFarmlandTask {
    private static final int CASES = BadInput.cases(1000);

    @Inject
    AgroalDataSource database;

    @Test
    void progressReports() {
        fuzz("progress", ProgressApiTest.GOOD);
    }

    @Test
    void acknowledgements() {
        fuzz("acknowledge", "{\"unit\": \"县农业农村局\"}");
    }

    @Test
    void extensionRequests() {
        fuzz("extension-requests", "{\"requestedDeadline\": \"2030-06-30\", \"reason\": \"资金未到位\", \"unit\": \"县农业农村局\"}");
    }

    @Test
    void completionClaims() {
        fuzz("completion-claims", "{\"completedOn\": \"2022-09-30\", \"narrative\": \"已完成\", "
                + "\"evidence\": [\"https://example.org/acceptance.pdf\"]}");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson() {
        String huge = "{\"asOf\": \"2022-09-30\", \"narrative\": \"" + "进".repeat(100_000) + "\"}";
        given().contentType("application/json").body(huge).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(413).contentType("application/problem+json");
    }

    private void fuzz(String endpoint, String valid) {
        long seed = BadInput.seed();
        BadInput input = new BadInput(seed, valid);
        String path = "/api/agriculture/tasks/" + taskId + "/" + endpoint;
        BadInput.assertAnsweredCleanly(endpoint, seed, CASES,
                () -> given().contentType("application/json; charset=UTF-8").body(input.next()).post(path), this::stored);
    }

    /** Submissions and outbox rows together: a refusal must add to neither. */
    private long stored() {
        try (Connection c = database.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select (select count(*) from submission) + (select count(*) from outbox_event)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
