package cn.duban.testsupport;

import cn.duban.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real tokens from the test Keycloak (realm duban, deploy/keycloak/duban-realm.json), as a user or a department
 * system gets them: the password grant of the demo client {@code duban-cli}, or client credentials. Cached until
 * shortly before they expire.
 */
public final class KeycloakTokens {
    public static final String DEMO_PASSWORD = "duban";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String bearer, Instant renewAfter) {
    }

    private KeycloakTokens() {
    }

    /** "Bearer …" for a demo user (supervisor, leader, agriculture, agriculture-bureau, …). */
    public static String user(String username) {
        return cached("user " + username, () -> grant(Map.of("grant_type", "password", "client_id", "duban-cli",
                "username", username, "password", DEMO_PASSWORD)));
    }

    /** "Bearer …" for a department system, e.g. agriculture-bureau-system with its demo secret. */
    public static String system(String clientId, String secret) {
        return cached("system " + clientId, () -> grant(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** The token endpoint's raw answer (status and body), for tests of what it refuses. */
    public static HttpResponse<String> request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalInfra.keycloakIssuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + LocalInfra.keycloakIssuer(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Cached grant(Map<String, String> form) {
        HttpResponse<String> response = request(new LinkedHashMap<>(form));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused " + form.get("grant_type") + ": " + response.statusCode()
                    + " " + response.body());
        }
        try {
            JsonNode token = EventCodec.json().readTree(response.body());
            long lifetime = token.path("expires_in").asLong(60);
            return new Cached("Bearer " + token.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(lifetime - 30, 5)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable token response: " + response.body(), e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<Cached> fetch) {
        return CACHE.compute(key, (k, old) -> old != null && Instant.now().isBefore(old.renewAfter()) ? old : fetch.get())
                .bearer();
    }
}
