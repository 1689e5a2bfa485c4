package cn.duban.gateway.edge;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals, in the RFC 9457 shape every Duban service answers with
 * ({@code urn:duban:problem:<kind>}), plus the service a routing failure concerns.
 */
public final class EdgeProblem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private EdgeProblem() {
    }

    public static void send(RoutingContext ctx, int status, String kind, String title, String detail) {
        send(ctx, status, kind, title, detail, null);
    }

    public static void send(RoutingContext ctx, int status, String kind, String title, String detail, String service) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset(); // a stream that already began cannot turn into a problem; the client sees it cut
            return;
        }
        ctx.request().resume(); // whatever body the client sent is not needed; let the connection go on
        JsonObject body = new JsonObject()
                .put("type", "urn:duban:problem:" + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        if (service != null) {
            body.put("service", service);
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body.encode());
    }

    public static void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"duban\"");
        send(ctx, 401, "unauthenticated", "Sign in first",
                "a valid bearer token from the Duban realm is required (docs/security.md)");
    }

    public static void notFound(RoutingContext ctx, String detail) {
        send(ctx, 404, "not-found", "Not found", detail);
    }
}
