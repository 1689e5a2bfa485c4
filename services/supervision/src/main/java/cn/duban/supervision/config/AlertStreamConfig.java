package cn.duban.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The alert stream (docs/api.md "Alert streams"): heartbeats, how far a reconnecting client may resume, retention. */
@ConfigMapping(prefix = "duban.alert-stream")
public interface AlertStreamConfig {

    /** A comment line this often while nothing else is sent, so that proxies and clients see the stream is alive. */
    @WithDefault("15s")
    Duration heartbeat();

    /** At most this many notices are replayed after a Last-Event-ID; further behind, the client is told to resync. */
    @WithDefault("1000")
    int replayLimit();

    /** Notices are kept this long for resuming clients, then purged (the newest is always kept). */
    @WithDefault("7d")
    Duration keep();

    /** How often notices committed elsewhere (another replica) are looked for; this process's own go out at once. */
    @WithDefault("1s")
    Duration poll();

    /**
     * Notices a slow client may fall behind by before its stream is ended; it resumes with Last-Event-ID (a burst
     * beyond the replay limit as well is a resync). A clock move on the 2022 ledger sends about a thousand at once.
     */
    @WithDefault("2000")
    int lag();
}
