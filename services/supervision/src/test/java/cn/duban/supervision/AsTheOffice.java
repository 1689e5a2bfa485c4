package cn.duban.supervision;

import cn.duban.testsupport.TestTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A test of supervision's API: each test starts as the office, and a failed check logs its request and response. */
public abstract class AsTheOffice {
    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void actAsTheOffice() {
        TestTokens.actAs(TestTokens.supervisor());
    }
}
