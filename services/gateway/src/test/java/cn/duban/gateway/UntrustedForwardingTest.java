package cn.duban.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 4: X-Forwarded-For counts only from a trusted proxy. Here the test client (127.0.0.1) is not one,
 * so the made-up addresses it sends are ignored and all its anonymous requests share one bucket, its own address's.
 */
@QuarkusTest
@TestProfile(UntrustedForwardingTest.OnlyAnIngressIsTrusted.class)
@QuarkusTestResource(GatewayStubs.class)
class UntrustedForwardingTest {

    public static class OnlyAnIngressIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10"); // TEST-NET-1: never this client
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void madeUpForwardedAddressesFromAnUntrustedPeerDoNotSpreadItsRateLimit() {
        for (int i = 0; i < 8; i++) { // the test profile's burst
            given().header("X-Forwarded-For", "10.77.0." + i).get("/realms/duban/.well-known/openid-configuration")
                    .then().statusCode(200);
        }
        given().header("X-Forwarded-For", "10.77.0.99").get("/realms/duban/.well-known/openid-configuration")
                .then().statusCode(429);
    }
}
