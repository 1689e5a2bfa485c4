package cn.duban.supervision.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * Work that must not run on two supervision replicas at once, or more often than its period in the whole cluster:
 * the ledger's re-evaluation, the papers' deadlines, the tasks-topic check. Each job holds a PostgreSQL advisory lock
 * named after it while it runs, on a connection of its own: the database is what every replica shares already, and a
 * replica that dies (kill -9) loses its connection, so the lock is released at once and another replica takes over.
 * Chosen over Quartz's clustered JDBC store, which would add its eleven tables and a second scheduler for three jobs.
 */
@ApplicationScoped
public class ClusterJobs {
    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);
    /** Who started a job, in cluster_job and the logs: the host and process. */
    static final String REPLICA = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    AgroalDataSource dataSource;

    /** Runs {@code work} unless another replica is running job {@code name}; true when it ran. */
    public boolean runAlone(String name, Runnable work) {
        return run(name, false, null, work);
    }

    /** Waits while another replica runs job {@code name}, then runs {@code work}: asked-for work is never dropped. */
    public void runInTurn(String name, Runnable work) {
        run(name, true, null, work);
    }

    /**
     * Runs {@code work} if no replica is running job {@code name} and none began it within {@code every}: a job
     * scheduled every hour on three replicas runs once an hour. True when it ran.
     */
    public boolean runIfDue(String name, Duration every, Runnable work) {
        return run(name, false, every, work);
    }

    private boolean run(String name, boolean wait, Duration every, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            long key = key(name);
            if (!lock(connection, key, wait)) {
                LOG.debugf("%s: another replica runs it", name);
                return false;
            }
            try {
                if (every != null && !due(connection, name, every)) {
                    LOG.debugf("%s: another replica ran it less than %s ago", name, every);
                    return false;
                }
                work.run();
                return true;
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the cluster lock of " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean lock(Connection connection, long key, boolean wait) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                wait ? "select true from pg_advisory_lock(?)" : "select pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Claims the job's period: true, and the start recorded, when it last began {@code every} ago or never. */
    private static boolean due(Connection connection, String name, Duration every) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("""
                insert into cluster_job (name, started_at, started_by) values (?, now(), ?)
                on conflict (name) do update set started_at = now(), started_by = excluded.started_by
                    where cluster_job.started_at <= now() - ?::interval""")) {
            claim.setString(1, name);
            claim.setString(2, REPLICA);
            // a little slack: replicas' schedules drift by milliseconds, and a run a moment early is still due
            claim.setString(3, Math.max(0, every.toMillis() * 9 / 10) + " milliseconds");
            return claim.executeUpdate() == 1;
        }
    }

    /** A job's lock key: the same on every replica, and apart from other applications' keys by its prefix. */
    static long key(String name) {
        CRC32 crc = new CRC32();
        crc.update(("duban.supervision." + name).getBytes(StandardCharsets.UTF_8));
        return 0x6475_6261_0000_0000L | crc.getValue();
    }
}
