package cn.duban.supervision.rest;

import static io.restassured.RestAssured.given;

import cn.duban.supervision.ledger.SheetFiles;
import cn.duban.testsupport.BadInput;
import cn.duban.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervision's write endpoints against thousands of generated bodies (BadInput): never a 5xx, every refusal a 4xx
 * application/problem+json, and nothing stored or put in the outbox for a refusal. A failure names its seed;
 * {@code -Dduban.fuzz.seed=<seed>} replays it, {@code -Dduban.fuzz.cases=} sets the count.
 */
@QuarkusTest
class BadInputTest {
    private static final int CASES = BadInput.cases(1000);
    private static final String JSON = "application/json; charset=UTF-8";

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }

    @Test
    void ledgerImportAsJson() {
        String valid = LedgerImportTest.ledger("2022-01-01", "2022-12-31", "[{\"name\": \"开工\", \"due\": \"2022-04-30\"}]")
                .replace("2099-AGR-951", "2099-AGR-973");
        BadInput input = new BadInput(seed(), valid);
        fuzz("ledger import (JSON)", input, () -> post(JSON, input.next(), "/api/supervision/ledger/import"));
    }

    @Test
    void ledgerImportAsCsvAndXlsx() {
        BadInput input = new BadInput(seed(), "{}");
        fuzz("ledger import (CSV, xlsx)", input, () -> {
            List<Object> row = LedgerSheetImportTest.task("2099-AGR-972", "fuzz");
            for (int n = 1 + input.nextInt(3); n > 0; n--) {
                row.set(input.nextInt(row.size()), input.nextCell());
            }
            List<List<Object>> sheet = new ArrayList<>(List.of(SheetFiles.HEADER, row));
            return switch (input.nextInt(4)) {
                case 0 -> post(LedgerSheetImportTest.CSV, SheetFiles.csv(sheet), "/api/supervision/ledger/import");
                case 1 -> post(LedgerSheetImportTest.CSV, input.damage(SheetFiles.csv(sheet)), "/api/supervision/ledger/import");
                case 2 -> post(LedgerSheetImportTest.XLSX, input.damage(SheetFiles.xlsx(sheet)), "/api/supervision/ledger/import");
                default -> post(LedgerSheetImportTest.XLSX, SheetFiles.xlsx(sheet), "/api/supervision/ledger/import");
            };
        }, CASES / 4);
    }

    @Test
    void officeDecisions() {
        BadInput input = new BadInput(seed(), "{\"reason\": \"理由充分,同意\"}");
        String[] paths = {"/api/supervision/extensions/%s/approve", "/api/supervision/extensions/%s/reject",
                "/api/supervision/completions/%s/verify", "/api/supervision/completions/%s/reject"};
        fuzz("approve/reject, verify/reject", input, () -> post(JSON, input.next(),
                paths[input.nextInt(paths.length)].formatted(input.nextInt(2) == 0 ? "X-none" : pathSegment(input))));
    }

    @Test
    void remindersAndAlertAcknowledgements() {
        BadInput input = new BadInput(seed(), "{\"message\": \"请加快进度,月底前报送\"}");
        fuzz("reminders, alert acknowledge", input, () -> input.nextInt(2) == 0
                ? post(JSON, input.next(), "/api/supervision/tasks/2022-AGR-003/reminders")
                : post(JSON, input.next(), "/api/supervision/alerts/" + pathSegment(input) + "/acknowledge"));
    }

    @Test
    void clock() {
        BadInput input = new BadInput(seed(), "{\"now\": \"2022-03-01T09:00:00+08:00\"}");
        fuzz("clock", input, () -> post(JSON, input.next(), "/api/supervision/admin/clock"), CASES / 2);
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson() {
        byte[] huge = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        given().contentType(LedgerSheetImportTest.CSV).body(huge).post("/api/supervision/ledger/import")
                .then().statusCode(413).contentType("application/problem+json");
    }

    private long seed;

    private long seed() {
        seed = BadInput.seed();
        return seed;
    }

    private static String pathSegment(BadInput input) {
        // Short enough for the request line: an over-long URI is refused by the HTTP layer (414) before any route.
        String cell = input.nextCell();
        return java.net.URLEncoder.encode(cell.substring(0, Math.min(cell.length(), 100)), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static Response post(String contentType, Object body, String path) {
        var request = given().urlEncodingEnabled(false).contentType(contentType);
        return (body instanceof byte[] bytes ? request.body(bytes) : request.body((String) body)).post(path);
    }

    private void fuzz(String endpoint, BadInput input, Supplier<Response> call) {
        fuzz(endpoint, input, call, CASES);
    }

    private void fuzz(String endpoint, BadInput input, Supplier<Response> call, int cases) {
        BadInput.assertAnsweredCleanly(endpoint, seed, cases, call, this::stored);
    }

    /**
     * Tasks, reminders, decisions, audit entries and outbox rows made by this caller: a refusal must add to none.
     * Only the caller's own rows count, because the scheduled re-evaluation ("system") may raise or resolve
     * alerts in the middle of any case.
     */
    private long stored() {
        try (Connection c = database.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select (select count(*) from task)"
                        + " + (select count(*) from reminder where sent_by = 'supervisor')"
                        + " + (select count(*) from audit_entry where actor = 'supervisor')"
                        + " + (select count(*) from outbox_event where headers ->> 'ce_actor' = 'supervisor')"
                        + " + (select count(*) from extension_request where state <> 'PENDING')"
                        + " + (select count(*) from completion_claim where state <> 'PENDING')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
