package cn.duban.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sends at a fixed offered rate (open loop: the schedule does not wait for slow answers, as reporting units do
 * not), or as fast as {@code clients} senders can (closed loop, saturation). Counts what was accepted.
 */
final class OfferedLoad {
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Double> responses = Collections.synchronizedList(new ArrayList<>());

    /** How long the service took to answer one request (ms): the department API's own latency. */
    void answeredIn(double millis) {
        responses.add(millis);
    }

    List<Double> responseMillis() {
        return new ArrayList<>(responses);
    }

    void accepted() {
        accepted.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    int acceptedCount() {
        return accepted.get();
    }

    int refusedCount() {
        return refused.get();
    }

    /** Calls {@code send} with 0, 1, 2 … at {@code perSecond} for {@code duration}, on {@code workers} threads. */
    void atRate(int perSecond, Duration duration, int workers, IntConsumer send) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long total = perSecond * duration.toSeconds();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * (1e9 / perSecond));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Pause.briefly(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int seq = i;
            pool.execute(() -> guarded(send, seq));
        }
        finish(pool);
    }

    /** {@code clients} senders, each sending again as soon as it is answered, for {@code duration}. */
    void saturate(int clients, Duration duration, IntConsumer send) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger seq = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    guarded(send, seq.getAndIncrement());
                }
            });
        }
        finish(pool);
    }

    private void guarded(IntConsumer send, int seq) {
        try {
            send.accept(seq);
        } catch (RuntimeException e) {
            refused();
        }
    }

    private static void finish(ExecutorService pool) {
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
