package cn.duban.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of an authorisation matrix: one endpoint called by every caller in turn, each answer compared with the
 * status that caller must get; every refusal must be problem+json. All wrong cells are reported together.
 */
public final class AccessMatrix {
    private final Map<String, String> callers = new LinkedHashMap<>();

    /** A caller by name with its Authorization header value; {@code null} for anonymous. */
    public AccessMatrix caller(String name, String bearer) {
        callers.put(name, bearer);
        return this;
    }

    public String bearer(String caller) {
        return callers.get(caller);
    }

    /** GET or POST {@code path} (with a JSON {@code body} or none) as each caller, in the order they were added. */
    public void check(String method, String path, String body, int... expected) {
        if (expected.length != callers.size()) {
            throw new IllegalArgumentException(path + ": " + expected.length + " statuses for " + callers.size() + " callers");
        }
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            var request = given().redirects().follow(false);
            if (caller.getValue() != null) {
                request = request.header("Authorization", caller.getValue());
            }
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            Response response = method.equals("GET") ? request.get(path) : request.post(path);
            int want = expected[i++];
            if (response.statusCode() != want) {
                wrong.add(caller.getKey() + " got " + response.statusCode() + ", expected " + want + ": "
                        + response.asString());
            } else if (want >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.add(caller.getKey() + " got " + want + " as " + response.contentType() + ", not problem+json");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(method + " " + path + ":\n  " + String.join("\n  ", wrong));
        }
    }
}
