package cn.duban.gateway.edge;

import cn.duban.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client, in this gateway's memory: each replica limits on its own, which keeps a client
 * within replicas × the limit — enough to keep one phone or department system from crowding out the rest.
 */
@ApplicationScoped
public class RateLimiter {
    private static final int REMEMBERED = 10_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perSecond;

    RateLimiter(GatewayConfig config) {
        this.burst = config.rateLimit().burst();
        this.perSecond = config.rateLimit().perSecond();
    }

    /** Empty if {@code client} may go on; otherwise the seconds until it may try again. */
    public OptionalLong take(String client) {
        if (buckets.size() > REMEMBERED) {
            forgetIdle();
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, System.nanoTime())).take(System.nanoTime());
    }

    /** Forgets clients whose bucket has filled up again, so idle clients cost no memory. */
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.full(now));
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
        }
    }
}
