package cn.duban.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every HTTP call of the bench takes its {@code Authorization} header from: a real token from the
 * bench instance's Keycloak (DUBAN_OIDC_AUTH_SERVER_URL, exported by deploy/local/bench.sh) for the demo user
 * who would make the call — {@code supervisor} at supervision, the sector's own user at a sector service.
 * Tokens are renewed shortly before they expire. DUBAN_BENCH_TOKEN, if set, is sent instead.
 */
final class AccessToken {
    private static final Pattern SECTOR_API = Pattern.compile("/api/([a-z-]+)/");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private record Held(String header, Instant renewAfter) {
    }

    private final String fixed = System.getenv("DUBAN_BENCH_TOKEN");
    private final String realm = System.getenv("DUBAN_OIDC_AUTH_SERVER_URL");
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Optional<String> authorization(String url) {
        if (fixed != null && !fixed.isBlank()) {
            return Optional.of("Bearer " + fixed);
        }
        Matcher api = SECTOR_API.matcher(url);
        if (realm == null || !api.find()) {
            return Optional.empty(); // health and other open endpoints
        }
        String user = api.group(1).equals("supervision") ? "supervisor" : api.group(1);
        return Optional.of(held.compute(user, (u, old) -> old != null && Instant.now().isBefore(old.renewAfter())
                ? old : signIn(u)).header());
    }

    /** The demo realm's password grant (client duban-cli); the bench instance imports the demo realm. */
    private Held signIn(String user) {
        String form = "grant_type=password&client_id=duban-cli&password=duban&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused " + user + ": " + response.statusCode());
            }
            Matcher expires = EXPIRES_IN.matcher(response.body());
            long lifetime = expires.find() ? Long.parseLong(expires.group(1)) : 60;
            return new Held("Bearer " + token.group(1), Instant.now().plusSeconds(Math.max(lifetime - 30, 5)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + realm, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
