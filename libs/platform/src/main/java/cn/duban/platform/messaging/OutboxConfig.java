package cn.duban.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "duban.outbox")
public interface OutboxConfig {

    /** Events sent per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for events when nothing woke it (a commit wakes it at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Longest pause between retries while the broker is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long published events stay in the table, for inspection, before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
