package cn.duban.gateway.proxy;

import cn.duban.text.Text;
import cn.duban.gateway.config.GatewayConfig;
import cn.duban.gateway.edge.EdgeProblem;
import cn.duban.gateway.edge.RequestIds;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A streaming reverse proxy on Vert.x's HTTP client: bodies flow through without being buffered,
 * hop-by-hop headers stay behind, and a service that cannot be reached is named in a 502 (refused) or 504
 * (too slow) problem. Vert.x's own vertx-http-proxy (tech preview) answers those cases with a bare 502 and no
 * way to tell a timeout apart, which is why the few lines of proxying live here. Alert streams (SSE) have their
 * own connections and limits: {@link StreamRelay}.
 */
@ApplicationScoped
public class ServiceProxy {
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    // RFC 9110 §7.6.1 connection-specific fields, and Host, which the client request sets for the service.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final Vertx vertx;
    private final HttpClient client;
    private final long responseTimeoutMs;

    ServiceProxy(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.responseTimeoutMs = config.timeouts().response().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeouts().connect().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    /** Sends the request as it came (method, headers, body) to {@code uri} at the service, and its answer back. */
    public void forward(RoutingContext ctx, Upstream service, String uri) {
        forward(ctx, service, uri, responseTimeoutMs);
    }

    private void forward(RoutingContext ctx, Upstream service, String uri, long waitMs) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(service.host())
                .setPort(service.port()).setSsl(service.ssl()).setURI(uri).setHeaders(forwardedHeaders(ctx));
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                failed(ctx, service, opened.cause(), false);
                return;
            }
            exchange(ctx, service, opened.result(), waitMs);
        });
    }

    private void exchange(RoutingContext ctx, Upstream service, HttpClientRequest upstream, long waitMs) {
        HttpServerRequest in = ctx.request();
        HttpServerResponse out = ctx.response();
        AtomicBoolean timedOut = new AtomicBoolean();
        long timer = waitMs <= 0 ? -1 : vertx.setTimer(waitMs, t -> {
            timedOut.set(true);
            upstream.reset();
        });
        out.closeHandler(gone -> upstream.reset()); // the client left (e.g. a phone closing its alert stream)
        Future<HttpClientResponse> answered;
        if (hasBody(in)) {
            answered = upstream.send(in);
        } else {
            in.resume();
            answered = upstream.send();
        }
        answered.onComplete(ar -> {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            if (ar.failed()) {
                failed(ctx, service, ar.cause(), timedOut.get());
                return;
            }
            HttpClientResponse response = ar.result();
            out.setStatusCode(response.statusCode()).setStatusMessage(response.statusMessage());
            copy(response.headers(), out.headers(), true);
            out.send(response); // streams: each chunk goes on as it arrives
        });
    }

    /** The answer for routes whose service could not be reached: 504 if it was too slow, otherwise 502. */
    public static void failed(RoutingContext ctx, Upstream service, Throwable cause, boolean timedOut) {
        if (timedOut || cause instanceof ConnectTimeoutException || cause instanceof TimeoutException) {
            LOG.warnf("%s did not answer in time: %s", service.name(), cause.toString());
            EdgeProblem.send(ctx, 504, "service-timeout", Text.of("服务响应超时", "Service did not answer in time"),
                    Text.of("%s 服务没有及时响应,请稍后再试", "the %s service did not answer in time; try again later",
                            service.name()), service.name());
        } else {
            LOG.warnf("%s could not be reached: %s", service.name(), cause.toString());
            Text why = cause instanceof ConnectException ? Text.of("拒绝了连接", "refused the connection")
                    : Text.of("无法连接", "could not be reached");
            EdgeProblem.send(ctx, 502, "service-unavailable", Text.of("服务暂不可用", "Service unavailable"),
                    Text.of("%s 服务%s,请稍后再试", "the %s service %s; try again later", service.name(), why),
                    service.name());
        }
    }

    private static boolean hasBody(HttpServerRequest in) {
        return in.headers().contains("Content-Length") || in.headers().contains("Transfer-Encoding");
    }

    static MultiMap forwardedHeaders(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(in.headers(), headers, false);
        headers.set(RequestIds.HEADER, RequestIds.of(ctx));
        headers.set("X-Forwarded-For", in.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", in.scheme());
        headers.set("X-Forwarded-Host", in.authority() != null ? in.authority().toString() : in.host());
        if (in.method() == HttpMethod.GET && !headers.contains("Content-Length")) {
            headers.remove("Transfer-Encoding");
        }
        return headers;
    }

    /** Copies end-to-end headers; from a service's response also drops CORS, which the gateway alone answers. */
    static void copy(MultiMap from, MultiMap to, boolean response) {
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || (response && name.startsWith("access-control-"))
                    || name.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT))) {
                return;
            }
            to.add(header.getKey(), header.getValue());
        });
    }

    /** A GET to a service with the caller's token and request id, its whole body read: for the mobile API. */
    public Future<Reply> get(RoutingContext ctx, Upstream service, String uri) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(RequestIds.HEADER, RequestIds.of(ctx))
                .set("Accept", "application/json");
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            headers.set("Authorization", authorization);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(service.host())
                .setPort(service.port()).setSsl(service.ssl()).setURI(uri).setHeaders(headers)
                .setIdleTimeout(responseTimeoutMs);
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(r -> r.body().map(body -> new Reply(r.statusCode(), r.getHeader("Content-Type"), body)));
    }

    /** A service's whole answer. */
    public record Reply(int status, String contentType, Buffer body) {
        public boolean ok() {
            return status == 200;
        }
    }
}
