package cn.duban.gateway.proxy;

import cn.duban.gateway.config.GatewayConfig;
import cn.duban.gateway.edge.EdgeProblem;
import cn.duban.text.Text;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Relays alert streams (SSE, docs/api.md "Alert streams") on connections of their own, so that however many
 * streams are open, ordinary calls never wait behind them ({@link ServiceProxy} has the other pool). A user may
 * hold {@code per-user} streams, the gateway {@code max-open} in all. A stream's connection to its service is
 * closed as soon as its client leaves — also when the client left while the stream was still being opened — when
 * the service has sent nothing for {@code idle}, and shortly after the caller's token expires.
 */
@ApplicationScoped
public class StreamRelay {
    private static final Logger LOG = Logger.getLogger(StreamRelay.class);

    private final Vertx vertx;
    private final GatewayConfig.Streams limits;
    private final long connectTimeoutMs;
    private final HttpClient client;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> byUser = new ConcurrentHashMap<>();

    StreamRelay(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.limits = config.streams();
        this.connectTimeoutMs = config.timeouts().connect().toMillis();
        // One connection per stream, never reused: a stream's connection is closed when the stream ends.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeoutMs)
                .setMaxPoolSize(limits.maxOpen())
                .setMaxWaitQueueSize(limits.maxOpen())
                .setKeepAlive(false));
    }

    /** Streams open now, all users together. */
    public int open() {
        return open.get();
    }

    /** Relays the stream at {@code uri} of {@code service} to the caller, unless a limit refuses it. */
    public void relay(RoutingContext ctx, SecurityIdentity identity, Upstream service, String uri) {
        String user = identity.getPrincipal().getName();
        Slot slot = reserve(ctx, user);
        if (slot == null) {
            return;
        }
        HttpServerResponse out = ctx.response();
        Stream stream = new Stream(ctx, service, slot);
        // Before anything is asked of the service: a client that leaves while the stream is opened is seen too.
        out.closeHandler(gone -> stream.clientLeft());
        out.exceptionHandler(failure -> stream.clientLeft());
        expiry(identity).ifPresent(exp -> stream.cutAt(exp.plus(limits.expiryGrace())));
        ctx.request().resume();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(service.host())
                .setPort(service.port()).setSsl(service.ssl()).setURI(uri)
                .setHeaders(ServiceProxy.forwardedHeaders(ctx))
                .setConnectTimeout(connectTimeoutMs) // also bounds the wait for a free connection
                .setIdleTimeout(limits.idle().toMillis());
        client.request(options)
                .compose(request -> stream.opened(request) ? request.send() : Future.failedFuture("client left"))
                .onSuccess(stream::relay)
                .onFailure(stream::failed);
    }

    private Slot reserve(RoutingContext ctx, String user) {
        AtomicInteger mine = byUser.computeIfAbsent(user, u -> new AtomicInteger());
        if (mine.incrementAndGet() > limits.perUser()) {
            release(user, mine, false);
            ctx.response().putHeader("Retry-After", "30");
            EdgeProblem.send(ctx, 429, "too-many-streams", Text.of("打开的实时推送过多", "Too many open streams"),
                    Text.of("用户 %1$s 已打开 %2$s 个实时推送（上限 %2$s 个），请关闭不用的页面后再试",
                            "user %1$s already holds %2$s live streams (the limit is %2$s); close one and try again",
                            user, limits.perUser()));
            return null;
        }
        if (open.incrementAndGet() > limits.maxOpen()) {
            release(user, mine, true);
            ctx.response().putHeader("Retry-After", "30");
            EdgeProblem.send(ctx, 503, "streams-full", Text.of("实时推送已满", "No room for another stream"),
                    Text.of("网关同时转发的实时推送已达上限（%s 个），请稍后再试",
                            "the gateway relays as many live streams as it may (%s); try again later",
                            limits.maxOpen()));
            return null;
        }
        return new Slot(user, mine);
    }

    private void release(String user, AtomicInteger mine, boolean counted) {
        if (counted) {
            open.decrementAndGet();
        }
        if (mine.decrementAndGet() <= 0) {
            byUser.remove(user, mine);
        }
    }

    private static Optional<Instant> expiry(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Optional.empty();
    }

    /** A user's place among the open streams, given back once. */
    private final class Slot {
        private final String user;
        private final AtomicInteger mine;
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(String user, AtomicInteger mine) {
            this.user = user;
            this.mine = mine;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                StreamRelay.this.release(user, mine, true);
            }
        }
    }

    /** One relayed stream: the client's response and, once asked, the request to the service. */
    private final class Stream {
        private final RoutingContext ctx;
        private final Upstream service;
        private final Slot slot;
        private HttpClientRequest upstream; // on the client's event loop, as every callback here
        private boolean over;
        private long cutTimer = -1;

        Stream(RoutingContext ctx, Upstream service, Slot slot) {
            this.ctx = ctx;
            this.service = service;
            this.slot = slot;
        }

        /** Whether to go on: false if the client left while a connection was found. */
        boolean opened(HttpClientRequest request) {
            upstream = request;
            if (over) {
                request.reset();
                return false;
            }
            return true;
        }

        void relay(HttpClientResponse response) {
            HttpServerResponse out = ctx.response();
            if (over) {
                response.request().reset();
                return;
            }
            out.setStatusCode(response.statusCode()).setStatusMessage(response.statusMessage());
            ServiceProxy.copy(response.headers(), out.headers(), true);
            out.setChunked(true);
            // Pipe by hand: on a failure either way, both sides are closed, never left half-read.
            response.handler(chunk -> {
                out.write(chunk);
                if (out.writeQueueFull()) {
                    response.pause();
                    out.drainHandler(v -> response.resume());
                }
            });
            response.exceptionHandler(failure -> {
                LOG.debugf("stream from %s broke: %s", service.name(), failure);
                finish(true);
            });
            response.endHandler(v -> finish(false));
        }

        void failed(Throwable cause) {
            if (stop()) {
                ServiceProxy.failed(ctx, service, cause, false); // 502 or 504, as for any route
            }
        }

        void clientLeft() {
            finish(true);
        }

        void cutAt(Instant at) {
            long ms = Math.max(1, Duration.between(Instant.now(), at).toMillis());
            cutTimer = vertx.setTimer(ms, t -> {
                LOG.debugf("stream of %s cut at its token's expiry", slot.user);
                finish(true);
            });
        }

        /** Ends the stream once: the slot is freed, the service's connection closed, the client's response ended. */
        private void finish(boolean abort) {
            if (!stop()) {
                return;
            }
            if (upstream != null) {
                upstream.reset(); // closes the connection (HTTP/1.1): the service sees its client gone
            }
            HttpServerResponse out = ctx.response();
            if (!out.ended() && !out.closed()) {
                if (abort || !out.headWritten()) {
                    out.reset(); // the client sees the stream cut and reconnects with Last-Event-ID
                } else {
                    out.end();
                }
            }
        }

        /** Marks the stream over and frees its slot; false if it was over already. */
        private boolean stop() {
            if (over) {
                return false;
            }
            over = true;
            slot.release();
            if (cutTimer >= 0) {
                vertx.cancelTimer(cutTimer);
            }
            return true;
        }
    }
}
