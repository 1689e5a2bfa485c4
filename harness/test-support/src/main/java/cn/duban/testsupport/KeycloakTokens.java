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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one Keycloak token client of the tests, the fault run and the bench: real tokens from a realm
 * (deploy/keycloak/duban-realm.json) as a user or a department system gets them — the password grant of the demo
 * client {@code duban-cli}, or client credentials. Cached until shortly before they expire; a Keycloak that does not
 * answer (restarting, or slow under load) is tried again a few times before giving up.
 */
public final class KeycloakTokens {
    public static final String DEMO_PASSWORD = "duban";
    private static final int ATTEMPTS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile KeycloakTokens local;

    private final URI tokenEndpoint;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String bearer, Instant renewAfter) {
    }

    private KeycloakTokens(String realm) {
        this.tokenEndpoint = URI.create(realm + "/protocol/openid-connect/token");
    }

    /** Tokens from the realm at {@code realm}, e.g. {@code http://127.0.0.1:8180/realms/duban}. */
    public static KeycloakTokens at(String realm) {
        return new KeycloakTokens(realm);
    }

    /** Tokens from the test instance's Keycloak (LocalInfra), started on first use. */
    public static KeycloakTokens local() {
        if (local == null) {
            synchronized (KeycloakTokens.class) {
                if (local == null) {
                    local = at(LocalInfra.keycloakIssuer());
                }
            }
        }
        return local;
    }

    /** "Bearer …" for a demo user of the test Keycloak (supervisor, leader, agriculture, agriculture-bureau, …). */
    public static String user(String username) {
        return local().bearer(username);
    }

    /** "Bearer …" for a department system of the test Keycloak, e.g. agriculture-bureau-system with its demo secret. */
    public static String system(String clientId, String secret) {
        return local().systemBearer(clientId, secret);
    }

    /** The test Keycloak's token endpoint's raw answer (status and body), for tests of what it refuses. */
    public static HttpResponse<String> request(Map<String, String> form) {
        return local().post(form);
    }

    /** "Bearer …" for a demo user (password grant of duban-cli). */
    public String bearer(String username) {
        return cached("user " + username, () -> grant(Map.of("grant_type", "password", "client_id", "duban-cli",
                "username", username, "password", DEMO_PASSWORD)));
    }

    /** "Bearer …" for a department system (client credentials). */
    public String systemBearer(String clientId, String secret) {
        return cached("system " + clientId, () -> grant(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** Forgets a user's token that a service refused (401), so the next call fetches a new one. */
    public void forget(String username) {
        cache.remove("user " + username);
    }

    /** The token endpoint's raw answer; a Keycloak that does not answer is tried again, then an exception. */
    public HttpResponse<String> post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                pause(Duration.ofSeconds(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("cannot reach Keycloak at " + tokenEndpoint, last);
    }

    private Cached grant(Map<String, String> form) {
        HttpResponse<String> response = post(new LinkedHashMap<>(form));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused " + form.get("grant_type") + " for "
                    + form.getOrDefault("username", form.get("client_id")) + ": " + response.statusCode() + " "
                    + response.body());
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

    private String cached(String key, Supplier<Cached> fetch) {
        return cache.compute(key, (k, old) -> old != null && Instant.now().isBefore(old.renewAfter()) ? old : fetch.get())
                .bearer();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
