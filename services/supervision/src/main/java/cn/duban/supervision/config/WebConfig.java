package cn.duban.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the office's web page (served from here, docs/dashboard.md) needs to sign in. */
@ConfigMapping(prefix = "duban.web")
public interface WebConfig {

    /** The realm the page signs in with, as the browser reaches it; production: the office's own realm. */
    @WithDefault("http://127.0.0.1:8180/realms/duban")
    String keycloakUrl();

    /** The realm's public PKCE client for the page. */
    @WithDefault("duban-web")
    String clientId();
}
