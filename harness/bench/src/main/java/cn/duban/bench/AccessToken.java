package cn.duban.bench;

import cn.duban.testsupport.KeycloakTokens;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every HTTP call of the bench takes its {@code Authorization} header from: a real token from the
 * bench instance's Keycloak (DUBAN_OIDC_AUTH_SERVER_URL, exported by deploy/local/bench.sh) for the demo user
 * who would make the call — {@code supervisor} at supervision, the sector's own user at a sector service — through
 * the project's one token client, {@link KeycloakTokens}. DUBAN_BENCH_TOKEN, if set, is sent instead.
 */
final class AccessToken {
    private static final Pattern SECTOR_API = Pattern.compile("/api/([a-z-]+)/");

    private final String fixed = System.getenv("DUBAN_BENCH_TOKEN");
    private final String realm = System.getenv("DUBAN_OIDC_AUTH_SERVER_URL");
    private final KeycloakTokens tokens = realm == null ? null : KeycloakTokens.at(realm);

    Optional<String> authorization(String url) {
        if (fixed != null && !fixed.isBlank()) {
            return Optional.of("Bearer " + fixed);
        }
        Matcher api = SECTOR_API.matcher(url);
        if (tokens == null || !api.find()) {
            return Optional.empty(); // health and other open endpoints
        }
        return Optional.of(tokens.bearer(api.group(1).equals("supervision") ? "supervisor" : api.group(1)));
    }
}
