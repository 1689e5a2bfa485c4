package cn.duban.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every request carries an X-Request-Id: the client's if it is sane, else a new one; services log it too. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The MDC key every Duban log format prints. */
    public static final String MDC_KEY = "requestId";
    private static final String KEY = "duban.requestId";
    // Only what is safe in a header and a log line: a client must not inject lines or unbounded text.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Reads or makes the id and remembers it on the routing context. */
    static String assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        return id;
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : assign(ctx);
    }
}
