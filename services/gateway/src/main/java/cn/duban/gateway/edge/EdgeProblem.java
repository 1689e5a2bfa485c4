package cn.duban.gateway.edge;

import cn.duban.text.Languages;
import cn.duban.text.Text;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The gateway's own refusals, in the RFC 9457 shape every Duban service answers with
 * ({@code urn:duban:problem:<kind>}), plus the service a routing failure concerns; Chinese unless the caller's
 * {@code Accept-Language} prefers English, as at the services.
 */
public final class EdgeProblem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private EdgeProblem() {
    }

    public static void send(RoutingContext ctx, int status, String kind, Text title, Text detail) {
        send(ctx, status, kind, title, detail, null);
    }

    public static void send(RoutingContext ctx, int status, String kind, Text title, Text detail, String service) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset(); // a stream that already began cannot turn into a problem; the client sees it cut
            return;
        }
        ctx.request().resume(); // whatever body the client sent is not needed; let the connection go on
        Locale language = Languages.preferred(ctx.request().getHeader("Accept-Language"));
        JsonObject body = new JsonObject()
                .put("type", "urn:duban:problem:" + kind)
                .put("title", title.in(language))
                .put("status", status)
                .put("detail", detail.in(language))
                .put("instance", ctx.request().path());
        if (service != null) {
            body.put("service", service);
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Content-Language", language.toLanguageTag()).end(body.encode());
    }

    public static void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"duban\"");
        send(ctx, 401, "unauthenticated", Text.of("请先登录", "Sign in first"),
                Text.of("需要督办(duban)认证域签发的有效令牌(见 docs/security.md)",
                        "a valid bearer token from the Duban realm is required (docs/security.md)"));
    }

    public static void notFound(RoutingContext ctx, Text detail) {
        send(ctx, 404, "not-found", Text.of("未找到", "Not found"), detail);
    }
}
