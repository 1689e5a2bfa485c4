package cn.duban.faults;

import java.time.Duration;

/** Waiting between polls of processes and retries of requests: this is a driver, not a test. */
final class Pause {
    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Until {@code System.nanoTime()} reaches {@code nanoTime}; at once if it has. */
    static void until(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            of(Duration.ofNanos(wait));
        }
    }
}
