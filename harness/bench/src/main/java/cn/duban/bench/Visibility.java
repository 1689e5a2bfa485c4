package cn.duban.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each report became visible at supervision: a poller reads supervision's database every 10 ms for the
 * oldest reports still pending, by report id. A report row commits in the same transaction as the task's
 * evaluation, so "visible" means stored, deduplicated and evaluated — what GET /api/supervision/tasks/{id} shows.
 */
final class Visibility implements AutoCloseable {
    private static final int POLL_MILLIS = 10;
    private static final int OLDEST_PER_POLL = 2000;

    /** @param millis every latency seen, in ms */
    record Outcome(int expected, int seen, Percentiles latency, List<Double> millis, double firstAcceptedSeconds,
            double drainSeconds) {
        /** Reports stored and evaluated per second, from the first accepted to the last visible. */
        double rate() {
            return drainSeconds <= 0 ? Double.NaN : seen / drainSeconds;
        }
    }

    private final Connection db;
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private final Thread poller;
    private long expected;
    private long firstAccepted = Long.MAX_VALUE;
    private long lastSeen;

    Visibility(BenchEnv env) throws SQLException {
        db = DriverManager.getConnection(env.jdbcUrl("supervision"), env.dbUser(), "");
        poller = new Thread(this::poll, "bench-visibility");
        poller.setDaemon(true);
        poller.start();
    }

    /** A report the service accepted at {@code acceptedNanos} (System.nanoTime), to be seen at supervision. */
    synchronized void expect(String reportId, long acceptedNanos) {
        pending.put(reportId, acceptedNanos);
        expected++;
        firstAccepted = Math.min(firstAccepted, acceptedNanos);
    }

    /** Waits until every expected report is visible (or {@code timeout}), then starts afresh for the next phase. */
    Outcome await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingCount() > 0 && System.nanoTime() < deadline) {
            Pause.briefly(20);
        }
        synchronized (this) {
            List<Double> millis = new ArrayList<>(latencies);
            Outcome outcome = new Outcome((int) expected, latencies.size(), Percentiles.ofMillis(millis), millis,
                    firstAccepted == Long.MAX_VALUE ? 0 : firstAccepted / 1e9,
                    lastSeen == 0 ? 0 : (lastSeen - firstAccepted) / 1e9);
            pending.clear();
            latencies.clear();
            expected = 0;
            firstAccepted = Long.MAX_VALUE;
            lastSeen = 0;
            return outcome;
        }
    }

    private synchronized int pendingCount() {
        return pending.size();
    }

    private synchronized List<String> oldestPending() {
        List<String> ids = new ArrayList<>(Math.min(pending.size(), OLDEST_PER_POLL));
        for (String id : pending.keySet()) {
            if (ids.size() == OLDEST_PER_POLL) {
                break;
            }
            ids.add(id);
        }
        return ids;
    }

    private void poll() {
        try (PreparedStatement query = db.prepareStatement("select report_id from progress_report where report_id = any(?)")) {
            while (running) {
                List<String> ids = oldestPending();
                if (!ids.isEmpty()) {
                    Array array = db.createArrayOf("text", ids.toArray());
                    query.setArray(1, array);
                    List<String> found = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                    long now = System.nanoTime();
                    synchronized (this) {
                        for (String id : found) {
                            Long accepted = pending.remove(id);
                            if (accepted != null) {
                                latencies.add((now - accepted) / 1e6);
                                lastSeen = now;
                            }
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            System.err.println("visibility poller stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        poller.interrupt();
        db.close();
    }
}
