package cn.duban.bench;

/** Polling pauses of the harness (readiness, drains); never part of a measured interval's work. */
final class Pause {
    private Pause() {
    }

    static void briefly(long millis) {
        briefly(millis, 0);
    }

    static void briefly(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
