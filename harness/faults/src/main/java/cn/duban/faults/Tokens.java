package cn.duban.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens from the real Keycloak of this run (realm duban, demo users with password {@code duban}, password grant
 * through the public client {@code duban-cli}), cached well inside their 15-minute lifetime.
 */
final class Tokens {
    private static final Duration REUSE_FOR = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String bearer, long fetchedAt) {
    }

    Tokens(String issuer) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
    }

    /** "Bearer …" for a demo user, e.g. {@code agriculture} (sector reporter) or {@code supervisor}. */
    String bearer(String user) {
        Cached cached = cache.get(user);
        if (cached != null && System.nanoTime() - cached.fetchedAt < REUSE_FOR.toNanos()) {
            return cached.bearer;
        }
        Cached fresh = new Cached("Bearer " + fetch(user), System.nanoTime());
        cache.put(user, fresh);
        return fresh.bearer;
    }

    /** Forget a token the service refused (401), so the next call fetches a new one. */
    void forget(String user) {
        cache.remove(user);
    }

    private String fetch(String user) {
        String form = "grant_type=password&client_id=duban-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=duban";
        IOException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode()
                            + " " + response.body());
                }
                return JSON.readTree(response.body()).get("access_token").asText();
            } catch (IOException e) {
                last = e;
                Pause.of(Duration.ofSeconds(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("no token for " + user + " from " + tokenEndpoint, last);
    }
}
