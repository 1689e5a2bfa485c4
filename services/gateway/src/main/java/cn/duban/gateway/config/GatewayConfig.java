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

    /**
     * Keycloak's own address; {@code /realms/duban/**} (no other realm) and {@code /resources/**} (login pages, tokens)
     * go there.
     */
    URI keycloak();

    Timeouts timeouts();

    RateLimit rateLimit();

    Streams streams();

    interface Timeouts {
        /** To open a connection to a service; past it the route answers 504. */
        @WithDefault("2s")
        Duration connect();

        /** Until a service's response begins; past it 504. A stream (SSE) that has begun is never cut. */
        @WithDefault("30s")
        Duration response();
    }

    /**
     * Alert streams (SSE, docs/api.md): their own connections to the services, apart from ordinary calls, and
     * limits per gateway replica.
     */
    interface Streams {
        /** Streams this gateway relays at once, all users together; each holds one connection to its service. */
        @WithDefault("500")
        int maxOpen();

        /** Streams one user (the token's preferred_username) may hold at once; one more is a 429. */
        @WithDefault("10")
        int perUser();

        /** A stream whose service sent nothing, not even a heartbeat (every 15 s), for this long is cut. */
        @WithDefault("45s")
        Duration idle();

        /** How long after its token's expiry a stream the service has not ended is cut here. */
        @WithDefault("10s")
        Duration expiryGrace();
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
