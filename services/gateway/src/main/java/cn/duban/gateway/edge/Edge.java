package cn.duban.gateway.edge;

import cn.duban.text.Text;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** What every request passes at the edge: a request id, the token check, the rate limit. */
@ApplicationScoped
public class Edge {
    private static final Logger LOG = Logger.getLogger(Edge.class);

    private final RateLimiter limiter;

    Edge(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** First for every request: its id in the MDC and on the response, and one log line when it ends. */
    public void begin(RoutingContext ctx) {
        String id = RequestIds.assign(ctx);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        long started = System.nanoTime();
        ctx.addEndHandler(done -> LOG.infof("%s %s -> %d in %d ms", ctx.request().method(), ctx.request().path(),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000));
        ctx.next();
    }

    /**
     * Lets a request through to {@code next} once its token, if any, is valid and its client is within its rate.
     * Where {@code tokenRequired}, a request without a valid token is refused (401); elsewhere (Keycloak's pages,
     * the OpenAPI documents) it goes on as anonymous, limited by its address.
     */
    public void admit(RoutingContext ctx, boolean tokenRequired, BiConsumer<RoutingContext, SecurityIdentity> next) {
        ctx.request().pause(); // keep the body for the service while the token is checked
        Context context = Vertx.currentContext();
        // A bad token is answered here, as problem+json (or ignored on open routes), not by Quarkus' bare 401.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> context.runOnContext(v -> admitted(ctx, identity, tokenRequired, next)),
                invalid -> context.runOnContext(v -> admitted(ctx, null, tokenRequired, next)));
    }

    /**
     * The pages' public files — the office's page and its assets, the phone app, the notifier's page, Keycloak's theme
     * files — read (GET, HEAD) without counting against the client's rate. A county office signs in from behind one
     * address and a sign-in loads some forty files; counted in the address's bucket they crowded out the sign-in's own
     * token request (found by make test: the browser's code exchange answered 429). Sign-in and token endpoints, the
     * OpenAPI documents and every API stay limited, and so does anything else sent to a file's path.
     */
    public void serveFile(RoutingContext ctx, Consumer<RoutingContext> next) {
        HttpMethod method = ctx.request().method();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            next.accept(ctx);
        } else {
            admit(ctx, false, (c, who) -> next.accept(c));
        }
    }

    private void admitted(RoutingContext ctx, SecurityIdentity identity, boolean tokenRequired,
            BiConsumer<RoutingContext, SecurityIdentity> next) {
        boolean anonymous = identity == null || identity.isAnonymous();
        String client = anonymous ? "address:" + ctx.request().remoteAddress().hostAddress() : Claims.client(identity);
        OptionalLong retryAfter = limiter.take(client);
        if (retryAfter.isPresent()) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
            EdgeProblem.send(ctx, 429, "too-many-requests", Text.of("请求过于频繁", "Too many requests"),
                    Text.of("此客户端的请求超过了网关允许的次数,请 %s 秒后再试",
                            "this client made more requests than the gateway allows; try again in %s s",
                            retryAfter.getAsLong()));
        } else if (anonymous && tokenRequired) {
            EdgeProblem.unauthenticated(ctx);
        } else {
            next.accept(ctx, identity);
        }
    }
}
