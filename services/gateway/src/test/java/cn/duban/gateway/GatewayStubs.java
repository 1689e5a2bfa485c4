package cn.duban.gateway;

import cn.duban.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the services behind the gateway, each a small Vert.x server that echoes what reached it
 * (service, path, query, request id, Authorization); supervision also answers the calls of the mobile API.
 * industry's port is closed (502), and any path ending in /slow answers after 3 s (504). The gateway trusts
 * {@link TestTokens}' key, as the services do in their own tests.
 */
public class GatewayStubs implements QuarkusTestResourceLifecycleManager {
    static final String REMINDER = "{\"event\":\"ReminderSent\",\"taskId\":\"2022-AGR-003\",\"message\":\"请加快进度\"}";
    private Vertx vertx;
    /** Alert streams the supervision stub holds open: its connections the gateway has not released. */
    private final AtomicInteger openStreams = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>(TestTokens.serviceConfig());
        for (String name : List.of("supervision", "agriculture", "culture-tourism", "urban-construction", "reform",
                "livelihood", "notify", "keycloak")) {
            String url = "http://127.0.0.1:" + listen(name);
            config.put(name.equals("keycloak") ? "duban.gateway.keycloak" : "duban.gateway.services." + name, url);
        }
        config.put("duban.gateway.services.industry", "http://127.0.0.1:" + closedPort());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private int listen(String service) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> answer(service, request));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stub " + service + " did not start", e);
        }
    }

    private void answer(String service, HttpServerRequest request) {
        String path = request.path();
        if (service.equals("supervision") && path.startsWith("/api/supervision/") && request.getHeader("Authorization") == null) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"urn:duban:problem:unauthenticated\",\"status\":401}");
        } else if (path.endsWith("/slow")) {
            vertx.setTimer(3000, t -> echo(service, request));
        } else if (path.equals("/api/supervision/tasks")) {
            tasks(request);
        } else if (path.equals("/api/supervision/tasks/9001-AGR-001")) {
            // acknowledged, reported this month, one open DUE_SOON alert and a reminder after the last report
            json(request, new JsonObject().put("id", "9001-AGR-001").put("deadline", "2022-12-31").put("status", "AT_RISK")
                    .put("leadUnit", "县农业农村局").put("evaluatedOn", "2022-10-20").put("milestones",
                    new JsonArray().add(milestone("开工", "2022-04-30", "2022-04-20")).add(milestone("投产", "2022-10-31", null))
                            .add(milestone("验收", "2022-12-20", null)))
                    .put("acknowledgements", new JsonArray().add(new JsonObject().put("unit", "县农业农村局")))
                    .put("alerts", new JsonArray()
                            .add(alert("a-1", "DUE_SOON", "YELLOW", "OPEN", "县农业农村局"))
                            .add(alert("a-0", "LAGGING", "YELLOW", "RESOLVED", "县农业农村局")))
                    .put("progress", new JsonObject().put("history", new JsonArray().add(new JsonObject()
                            .put("unit", "县农业农村局").put("asOf", "2022-10-08"))))
                    .put("audit", new JsonArray().add(new JsonObject().put("action", "reminder.manual")
                            .put("at", "2022-10-12T09:00:00+08:00").put("detail", "请加快投产进度"))));
        } else if (path.equals("/api/supervision/tasks/9001-AGR-002")) {
            // not acknowledged, overdue, no report this month
            json(request, new JsonObject().put("id", "9001-AGR-002").put("deadline", "2022-06-30").put("status", "OVERDUE")
                    .put("leadUnit", "县农业农村局").put("evaluatedOn", "2022-10-20").put("milestones", new JsonArray())
                    .put("acknowledgements", new JsonArray())
                    .put("alerts", new JsonArray().add(alert("a-2", "OVERDUE", "RED", "ACKNOWLEDGED", "县农业农村局")))
                    .put("progress", new JsonObject().put("history", new JsonArray()))
                    .put("audit", new JsonArray()));
        } else if (path.equals("/api/supervision/alerts")) {
            json(request, new JsonObject().put("total", 1).put("items", new JsonArray().add(new JsonObject()
                    .put("id", "a-1").put("taskId", "9001-AGR-001").put("rule", "DUE_SOON").put("light", "YELLOW")
                    .put("state", "OPEN").put("escalationLevel", 1).put("reason", "投产 due 2022-10-31")
                    .put("units", new JsonArray().add("县农业农村局")).put("raisedAt", "2022-10-20T09:00:00+08:00")
                    .put("mayAcknowledge", true))));
        } else if (path.equals("/api/supervision/alerts/stream")) {
            stream(request);
        } else if (path.equals("/stub/open-streams")) {
            request.response().end(Integer.toString(openStreams.get()));
        } else if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/yaml").end("openapi: 3.1.0\ninfo:\n  title: " + service + "\n");
        } else {
            echo(service, request);
        }
    }

    /**
     * An alert stream that never ends by itself: opened fresh, a comment with the start id 40 (no data), resumed, a
     * comment naming the Last-Event-ID it was asked to resume after; then a notice with its id, a heartbeat every
     * second; ?slow answers its head only after 2 s. Counted while its
     * connection is open, as supervision's duban_alert_streams_open counts its streams.
     */
    private void stream(HttpServerRequest request) {
        openStreams.incrementAndGet();
        long beat = vertx.setPeriodic(1000, t -> {
            if (request.response().headWritten() && !request.response().closed()) {
                request.response().write(": keep-alive\n\n");
            }
        });
        request.connection().closeHandler(closed -> {
            openStreams.decrementAndGet();
            vertx.cancelTimer(beat);
        });
        String resumed = request.getHeader("Last-Event-ID");
        Runnable head = () -> request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .write((resumed == null ? ": stream open\nid: 40\n\n" : ": resumed after " + resumed + "\n")
                        + "id: 42\ndata: " + REMINDER + "\n\n");
        if (request.params().contains("slow")) {
            vertx.setTimer(2000, t -> head.run());
        } else {
            head.run();
        }
    }

    private static void tasks(HttpServerRequest request) {
        JsonArray all = new JsonArray()
                .add(new JsonObject().put("id", "9001-AGR-001").put("sector", "agriculture").put("title", "启建6万亩高标准农田").put("light", "YELLOW")
                        .put("status", "IN_PROGRESS").put("percent", 40).put("deadline", "2022-12-31")
                        .put("leadUnit", "县农业农村局").put("coUnits", new JsonArray().add("县财政局")))
                .add(new JsonObject().put("id", "9001-AGR-002").put("sector", "agriculture").put("title", "新建冷库5座").put("light", "RED")
                        .put("status", "IN_PROGRESS").put("percent", 80).put("deadline", "2022-06-30")
                        .put("leadUnit", "县农业农村局"));
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        JsonArray items = new JsonArray();
        for (int i = page * size; i < Math.min(all.size(), (page + 1) * size); i++) {
            items.add(all.getValue(i));
        }
        json(request, new JsonObject().put("items", items).put("total", all.size()));
    }

    private static JsonObject alert(String id, String rule, String light, String state, String unit) {
        return new JsonObject().put("id", id).put("rule", rule).put("light", light).put("state", state)
                .put("escalationLevel", 1).put("units", new JsonArray().add(unit)).put("raisedAt", "2022-10-15T09:00:00+08:00")
                .put("mayAcknowledge", true);
    }

    private static JsonObject milestone(String name, String due, String reachedOn) {
        return new JsonObject().put("name", name).put("due", due).put("reachedOn", reachedOn);
    }

    private static void echo(String service, HttpServerRequest request) {
        request.body().onSuccess(body -> json(request, new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("authorization", request.getHeader("Authorization"))
                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                .put("body", body.toString())));
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json")
                .putHeader("Access-Control-Allow-Origin", "*") // a service's own CORS answer, which the gateway must drop
                .end(body.encode());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again at once: nothing listens there
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
