package cn.duban.bench;

import java.util.Optional;

/**
 * The one place every HTTP call of the bench takes its {@code Authorization} header from. Today the API is open
 * and no header is sent unless DUBAN_BENCH_TOKEN is set; with Keycloak in front, a client-credentials token
 * from the realm plugs in here and nowhere else.
 */
final class AccessToken {
    private final String token = System.getenv("DUBAN_BENCH_TOKEN");

    Optional<String> authorization() {
        return token == null || token.isBlank() ? Optional.empty() : Optional.of("Bearer " + token);
    }
}
