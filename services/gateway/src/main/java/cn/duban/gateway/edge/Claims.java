package cn.duban.gateway.edge;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The claims of a caller's validated token (Keycloak's, shaped as docs/security.md describes). */
public final class Claims {
    private Claims() {
    }

    public static Optional<String> of(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }

    /** Whom the rate limit counts: the client application (azp) and the user or service account it acts for. */
    static String client(SecurityIdentity identity) {
        return "token:" + of(identity, "azp").orElse("-") + "/" + identity.getPrincipal().getName();
    }
}
