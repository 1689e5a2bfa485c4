package cn.duban.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;

/**
 * An end-to-end test class against the packaged services ({@link RunningSuite}, started once per test run): a failed
 * check logs its request and answer, {@code suite} names the services and {@code gateway} is the one origin.
 */
abstract class OnTheRunningSuite {
    static RunningSuite suite;
    static String gateway;

    @BeforeAll
    static void startSuite() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        suite = RunningSuite.get();
        gateway = suite.url(RunningSuite.GATEWAY);
    }
}
