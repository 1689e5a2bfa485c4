package cn.duban.gateway.mobile;

import cn.duban.gateway.edge.Claims;
import cn.duban.gateway.edge.EdgeProblem;
import cn.duban.gateway.proxy.ServiceProxy;
import cn.duban.gateway.proxy.StreamRelay;
import cn.duban.gateway.proxy.Upstream;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The API for phones under /api/mobile/me: small bodies, pages, ETags. It holds no data of its own: it asks
 * supervision with the caller's own token, so the caller sees exactly what supervision lets it see.
 */
public class MobileApi {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 50;
    /** The most tasks 我的任务 orders: a unit answers for a few dozen, a sector's reporter for under two hundred. */
    static final int MAX_TASKS = 400;
    private static final int SUPERVISION_PAGE = 200;

    private final ServiceProxy proxy;
    private final StreamRelay streams;
    private final Upstream supervision;

    public MobileApi(ServiceProxy proxy, StreamRelay streams, Upstream supervision) {
        this.proxy = proxy;
        this.streams = streams;
        this.supervision = supervision;
    }

    /** Who am I: from the token alone. */
    public void me(RoutingContext ctx, SecurityIdentity identity) {
        String user = identity.getPrincipal().getName();
        JsonObject me = new JsonObject()
                .put("user", user)
                .put("name", Claims.of(identity, "name").orElse(user))
                .put("unit", Claims.of(identity, "unit").orElse(null))
                .put("sector", Claims.of(identity, "sector").orElse(null))
                .put("post", Claims.of(identity, "post").orElse(null))
                .put("roles", new JsonArray(new ArrayList<>(new TreeSet<>(identity.getRoles()))));
        Etags.send(ctx, me.toBuffer());
    }

    /**
     * The tasks I answer for, most urgent first ({@link Urgency}): each with its light, the next date owed (the next
     * open milestone, else the deadline) and what it asks of my unit now ({@link TaskAsks}). Urgency is an order over
     * all my tasks, so all of them (at most {@value #MAX_TASKS}) are read before the page is cut.
     */
    public void tasks(RoutingContext ctx, SecurityIdentity identity) {
        Paging paging = Paging.of(ctx);
        String unit = Claims.of(identity, "unit").orElse(null);
        myTasks(ctx, 0, new JsonArray())
                .compose(summaries -> {
                    List<Future<JsonObject>> items = new ArrayList<>();
                    for (Object item : summaries) {
                        items.add(compactTask(ctx, (JsonObject) item, unit));
                    }
                    return Future.all(items).map(all -> {
                        List<JsonObject> sorted = new ArrayList<>(all.<JsonObject>list());
                        sorted.sort(Urgency.ORDER);
                        int from = Math.min(sorted.size(), paging.page() * paging.size());
                        int to = Math.min(sorted.size(), from + paging.size());
                        return paging.wrap(new JsonArray(new ArrayList<>(sorted.subList(from, to))), sorted.size());
                    });
                })
                .onSuccess(body -> Etags.send(ctx, body.toBuffer()))
                .onFailure(failure -> failed(ctx, failure));
    }

    /** Every task supervision lets me see, page after page of the largest size it serves, up to MAX_TASKS. */
    private Future<JsonArray> myTasks(RoutingContext ctx, int page, JsonArray collected) {
        return supervisionJson(ctx, "/api/supervision/tasks?page=" + page + "&size=" + SUPERVISION_PAGE).compose(body -> {
            JsonArray items = body.getJsonArray("items", new JsonArray());
            items.forEach(collected::add);
            boolean more = !items.isEmpty() && collected.size() < body.getLong("total", 0L) && collected.size() < MAX_TASKS;
            return more ? myTasks(ctx, page + 1, collected) : Future.succeededFuture(collected);
        });
    }

    /** My alerts (督办单), newest first, compact. */
    public void alerts(RoutingContext ctx, SecurityIdentity identity) {
        Paging paging = Paging.of(ctx);
        String state = ctx.request().getParam("state");
        String uri = "/api/supervision/alerts?page=" + paging.page() + "&size=" + paging.size()
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        supervisionJson(ctx, uri)
                .map(page -> {
                    JsonArray items = new JsonArray();
                    for (Object item : page.getJsonArray("items", new JsonArray())) {
                        JsonObject a = (JsonObject) item;
                        items.add(new JsonObject().put("id", a.getValue("id")).put("taskId", a.getValue("taskId"))
                                .put("rule", a.getValue("rule")).put("light", a.getValue("light"))
                                .put("state", a.getValue("state")).put("level", a.getValue("escalationLevel"))
                                .put("milestone", a.getValue("milestone")).put("reason", a.getValue("reason"))
                                .put("raisedAt", a.getValue("raisedAt"))
                                .put("mayAcknowledge", a.getValue("mayAcknowledge")));
                    }
                    return paging.wrap(items, page.getLong("total", 0L));
                })
                .onSuccess(body -> Etags.send(ctx, body.toBuffer()))
                .onFailure(failure -> failed(ctx, failure));
    }

    /**
     * My live alert notices: supervision's stream, which already narrows to the caller, relayed as it comes, with
     * its ids, heartbeats, end at expiry and resume (Last-Event-ID passes through) — docs/api.md.
     */
    public void alertStream(RoutingContext ctx, SecurityIdentity identity) {
        streams.relay(ctx, identity, supervision, "/api/supervision/alerts/stream");
    }

    private Future<JsonObject> compactTask(RoutingContext ctx, JsonObject summary, String unit) {
        String id = summary.getString("id");
        JsonObject compact = new JsonObject().put("id", id).put("title", summary.getValue("title"))
                .put("sector", summary.getValue("sector")).put("light", summary.getValue("light"))
                .put("status", summary.getValue("status")).put("percent", summary.getValue("percent"))
                .put("deadline", summary.getValue("deadline")).put("leadUnit", summary.getValue("leadUnit"));
        // The list has no milestones, acknowledgements or reports; the task's own page has them.
        return supervisionJson(ctx, "/api/supervision/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .map(detail -> compact.put("next", NextDate.of(detail)).put("asks", TaskAsks.of(detail, unit)))
                .otherwise(unreadable -> compact.put("next", NextDate.deadline(summary)).put("asks", new JsonArray()));
    }

    private Future<JsonObject> supervisionJson(RoutingContext ctx, String uri) {
        return proxy.get(ctx, supervision, uri).compose(reply -> reply.ok()
                ? Future.succeededFuture(reply.body().toJsonObject())
                : Future.failedFuture(new Refused(reply)));
    }

    private void failed(RoutingContext ctx, Throwable failure) {
        if (failure instanceof Refused refused) { // supervision's own answer (401, 403, problem+json), passed on
            ctx.request().resume();
            ServiceProxy.Reply reply = refused.reply;
            ctx.response().setStatusCode(reply.status());
            if (reply.contentType() != null) {
                ctx.response().putHeader("Content-Type", reply.contentType());
            }
            ctx.response().end(reply.body());
        } else {
            ServiceProxy.failed(ctx, supervision, failure, false);
        }
    }

    private static final class Refused extends RuntimeException {
        final transient ServiceProxy.Reply reply;

        Refused(ServiceProxy.Reply reply) {
            super("supervision answered " + reply.status(), null, false, false);
            this.reply = reply;
        }
    }

    /** page (from 0) and size (1–50) from the query; the answer says which page it is. */
    record Paging(int page, int size) {
        static Paging of(RoutingContext ctx) {
            return new Paging(Math.max(0, number(ctx.request().getParam("page"), 0)),
                    Math.min(MAX_SIZE, Math.max(1, number(ctx.request().getParam("size"), DEFAULT_SIZE))));
        }

        JsonObject wrap(JsonArray items, long total) {
            return new JsonObject().put("items", items).put("total", total).put("page", page).put("size", size);
        }

        private static int number(String text, int otherwise) {
            try {
                return text == null ? otherwise : Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
    }
}
