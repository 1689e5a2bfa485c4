package cn.duban.gateway.routing;

import cn.duban.text.Text;
import cn.duban.gateway.config.GatewayConfig;
import cn.duban.gateway.edge.Edge;
import cn.duban.gateway.edge.EdgeProblem;
import cn.duban.gateway.mobile.MobileApi;
import cn.duban.gateway.mobile.PhoneApp;
import cn.duban.gateway.proxy.ServiceProxy;
import cn.duban.gateway.proxy.StreamRelay;
import cn.duban.gateway.proxy.Upstream;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The gateway's routing table: /api/mobile/** here, /api/{service}/** to that service, /realms/duban/** and
 * /resources/** to Keycloak (any other realm: 404), /openapi/{service} to that service's OpenAPI document, /m/ (the reporters' phone
 * app) from here, / (the office's web page and its assets) to supervision, and /notify/ (the office's
 * notification page) to the notifier.
 */
@ApplicationScoped
public class Routes {
    /** The one Keycloak realm the gateway forwards to. */
    static final String REALM = "duban";
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c)", Pattern.CASE_INSENSITIVE);

    void register(@Observes Router router, GatewayConfig config, Edge edge, ServiceProxy proxy, StreamRelay streams) {
        Map<String, Upstream> services = new TreeMap<>();
        config.services().forEach((name, url) -> services.put(name, Upstream.of(name, url)));
        Upstream supervision = services.get("supervision");
        if (supervision == null) {
            throw new IllegalStateException("duban.gateway.services.supervision is not configured");
        }

        // Keycloak's login pages are sent with Referrer-Policy: no-referrer, so their own form posts arrive with
        // "Origin: null"; they are page navigations, not cross-origin API calls, and must not be refused as CORS.
        router.route("/realms/*").order(Integer.MIN_VALUE).handler(ctx -> {
            if ("null".equals(ctx.request().getHeader("Origin"))) {
                ctx.request().headers().remove("Origin");
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE + 1000).handler(edge::begin);

        MobileApi mobile = new MobileApi(proxy, streams, supervision);
        router.get("/api/mobile/me").handler(ctx -> edge.admit(ctx, true, mobile::me));
        router.get("/api/mobile/me/tasks").handler(ctx -> edge.admit(ctx, true, mobile::tasks));
        router.get("/api/mobile/me/alerts").handler(ctx -> edge.admit(ctx, true, mobile::alerts));
        router.get("/api/mobile/me/alerts/stream").handler(ctx -> edge.admit(ctx, true, mobile::alertStream));
        router.route("/api/mobile/*").handler(ctx -> edge.admit(ctx, true,
                (c, who) -> EdgeProblem.notFound(c, Text.of("移动端接口没有 %s %s", "the mobile API has no %s %s",
                        c.request().method(), c.request().path()))));

        // The office's alert stream, on the streams' own connections and limits (docs/api.md "Alert streams").
        router.get("/api/supervision/alerts/stream").handler(ctx -> edge.admit(ctx, true,
                (c, who) -> streams.relay(c, who, supervision, pathAndQuery(c))));
        services.forEach((name, service) -> router.route("/api/" + name + "/*")
                .handler(ctx -> edge.admit(ctx, true, (c, who) -> proxy.forward(c, service, pathAndQuery(c)))));
        router.route("/api/*").handler(ctx -> edge.admit(ctx, true,
                (c, who) -> EdgeProblem.notFound(c, Text.of("没有督办服务响应 %s", "no Duban service answers %s",
                        c.request().path()))));

        // Keycloak's login pages, their assets and the token endpoints of the duban realm, so that phones need only
        // this origin; no other realm (master holds Keycloak's own administrators) is reachable through here.
        Upstream keycloak = Upstream.of("keycloak", config.keycloak());
        BiConsumer<RoutingContext, SecurityIdentity> otherRealm = (c, who) -> EdgeProblem.notFound(c, Text.of(
                "网关只转发督办认证域 %s 的登录与令牌接口(/realms/%s/...)",
                "the gateway forwards only the sign-in and token endpoints of the %s realm (/realms/%s/...)", REALM, REALM));
        BiConsumer<RoutingContext, SecurityIdentity> toKeycloak = (c, who) -> {
            if (ENCODED_SEPARATOR.matcher(c.normalizedPath()).find()) {
                otherRealm.accept(c, who); // "duban%2F..%2Fmaster" must not reach Keycloak as another realm
            } else {
                proxy.forward(c, keycloak, pathAndQuery(c));
            }
        };
        for (String path : new String[] {"/realms/" + REALM, "/realms/" + REALM + "/*"}) {
            router.route(path).handler(ctx -> edge.admit(ctx, false, toKeycloak));
        }
        router.route("/resources/*").handler(ctx -> edge.serveFile(ctx, c -> toKeycloak.accept(c, null)));
        router.route("/realms/*").handler(ctx -> edge.admit(ctx, false, otherRealm));

        // The reporters' phone app (docs/phone.md): public files; it signs in with Keycloak and calls the APIs above.
        PhoneApp phone = new PhoneApp();
        router.get("/m").handler(ctx -> { // Vert.x matches "/m/" here too; only the bare "/m" needs its slash
            if (ctx.request().path().equals("/m")) {
                ctx.redirect("/m/");
            } else {
                ctx.next();
            }
        });
        router.route("/m/*").handler(ctx -> edge.serveFile(ctx, phone::serve));

        // The office's web page (docs/dashboard.md) is supervision's: the page and its assets are public; the page
        // signs in with Keycloak and calls /api/supervision/** through the routes above.
        for (String path : new String[] {"/", "/index.html", "/assets/*", "/app/*"}) {
            router.route(path).handler(ctx -> edge.serveFile(ctx, c -> proxy.forward(c, supervision, pathAndQuery(c))));
        }

        // The notifier's page for the office (docs/notifier.md): static and public like the office's page, whose sign-in
        // it shares (same origin); its calls go to /api/notify/** through the routes above.
        Upstream notifier = services.get("notify");
        if (notifier != null) {
            for (String path : new String[] {"/notify", "/notify/*"}) {
                router.route(path).handler(ctx -> edge.serveFile(ctx, c -> proxy.forward(c, notifier, pathAndQuery(c))));
            }
        }

        // The OpenAPI document of every service from one place; they are public, as at each service's /q/openapi.
        router.get("/openapi").handler(ctx -> edge.admit(ctx, false, (c, who) -> index(c, services)));
        router.get("/openapi/:service").handler(ctx -> edge.admit(ctx, false, (c, who) -> {
            Upstream service = services.get(c.pathParam("service"));
            if (service == null) {
                EdgeProblem.notFound(c, Text.of("没有名为 %s 的服务；GET /openapi 列出全部服务",
                        "no service named %s; GET /openapi lists them", c.pathParam("service")));
            } else {
                String query = c.request().query();
                proxy.forward(c, service, "/q/openapi" + (query == null ? "" : "?" + query));
            }
        }));
    }

    private static void index(RoutingContext ctx, Map<String, Upstream> services) {
        JsonObject documents = new JsonObject();
        services.keySet().forEach(name -> documents.put(name, "/openapi/" + name));
        ctx.request().resume();
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("openapi", documents)
                .put("note", "each service's OpenAPI 3 document, YAML by default; ?format=json for JSON")
                .encodePrettily());
    }

    /** The normalised path (no dot segments) and the query exactly as the client sent it. */
    private static String pathAndQuery(RoutingContext ctx) {
        String query = ctx.request().query();
        return ctx.normalizedPath() + (query == null ? "" : "?" + query);
    }
}
