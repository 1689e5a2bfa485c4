package cn.duban.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the office's web page (served from here, docs/dashboard.md) needs to sign in. */
@ConfigMapping(prefix = "duban.web")
public interface WebConfig {

    /**
     * The realm the page signs in with, as the browser reaches it: through the gateway, the one origin, so that
     * Keycloak's login form and token endpoint are same-origin with the page; production: the office's realm.
     */
    @WithDefault("http://127.0.0.1:8080/realms/duban")
    String keycloakUrl();

    /** The realm's public PKCE client for the page. */
    @WithDefault("duban-web")
    String clientId();
}
