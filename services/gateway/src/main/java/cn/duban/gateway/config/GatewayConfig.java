package cn.duban.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the gateway sends each route, how long it waits, and how fast a client may call. */
@ConfigMapping(prefix = "duban.gateway")
public interface GatewayConfig {

    /** Each service's base URL by route name: {@code /api/{name}/**} goes there (supervision and the six sectors). */
    Map<String, URI> services();

    /** Keycloak's own address; {@code /realms/**} and {@code /resources/**} (login pages, tokens) go there. */
    URI keycloak();

    Timeouts timeouts();

    RateLimit rateLimit();

    interface Timeouts {
        /** To open a connection to a service; past it the route answers 504. */
        @WithDefault("2s")
        Duration connect();

        /** Until a service's response begins; past it 504. A stream (SSE) that has begun is never cut. */
        @WithDefault("30s")
        Duration response();
    }

    /** A token bucket per client: by token (azp and user) or, without one, by address. */
    interface RateLimit {
        /** Requests a client may make in a burst. */
        @WithDefault("60")
        int burst();

        /** Requests per second a client earns back. */
        @WithDefault("10")
        double perSecond();
    }
}
