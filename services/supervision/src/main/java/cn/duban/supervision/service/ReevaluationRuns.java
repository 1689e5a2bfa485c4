package cn.duban.supervision.service;

import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.repository.ReevaluationRun;
import cn.duban.supervision.repository.ReevaluationRun.State;
import cn.duban.supervision.service.Reevaluation.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The whole-ledger re-evaluations of the cluster, in the table every replica reads ({@code reevaluation_run}), so any
 * replica answers for any run. Each write is its own short transaction, seen by every replica at once and whatever
 * the caller's own transaction does. A finished run never changes again: a late write from a replica whose run was
 * ended for it (see {@link #start}) is dropped. The latest {@value #KEPT} runs are kept.
 */
@ApplicationScoped
public class ReevaluationRuns {
    static final int KEPT = 50;

    /** Why a run ended FAILED, as the office reads it on the admin API: Chinese, with the cause's own text kept. */
    static final class Why {
        static final String TURN_LOST = "已中断:所在副本在完成前失去了集群的执行权,由下一次运行补做";

        static String restarted(String replica) {
            return "已中断:副本 " + replica + " 重启,由下一次运行补做";
        }

        static String stopped(String replica) {
            return "已中断:副本 " + replica + " 停止,由下一次运行补做";
        }

        static String failed(RuntimeException cause) {
            return "运行出错,由下一次运行补做:" + cause;
        }

        private Why() {
        }
    }

    @ConfigProperty(name = "duban.evaluation.replica")
    Optional<String> configuredReplica;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8081")
    int port;

    private String replica;

    /**
     * This replica's name on its runs: {@code duban.evaluation.replica}, or host:port — the same after a restart
     * (a pod's name, a process's port), different for two replicas at once, even on one host.
     */
    public synchronized String replica() {
        if (replica == null) {
            replica = configuredReplica.orElseGet(() -> host() + ":" + port);
        }
        return replica;
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** A new run, QUEUED on this replica; the runs beyond the latest {@value #KEPT} go. */
    public Run queue(String reason, OffsetDateTime requestedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReevaluationRun row = new ReevaluationRun();
            row.reason = reason;
            row.requestedAt = requestedAt;
            row.state = State.QUEUED;
            row.replica = replica();
            row.persist();
            ReevaluationRun.<ReevaluationRun>find("order by id desc").page(KEPT, 1).firstResultOptional()
                    .ifPresent(oldest -> ReevaluationRun.delete("id <= ?1", oldest.id));
            return run(row);
        });
    }

    /** Writes a run's progress or outcome, unless it was finished meanwhile. */
    public void record(Run run) {
        QuarkusTransaction.requiringNew().run(() -> write(run));
    }

    /**
     * Writes that a run has begun, and ends any other run still RUNNING: a run is RUNNING only while its replica holds
     * the cluster's turn (ClusterJobs), which this one now has, so the other's replica died or lost its connection.
     */
    public void start(Run run) {
        QuarkusTransaction.requiringNew().run(() -> {
            write(run);
            ReevaluationRun.update("state = ?1, finishedAt = ?2, problem = ?3 where state = ?4 and id <> ?5",
                    State.FAILED, OffsetDateTime.now(),
                    Why.TURN_LOST, State.RUNNING, run.id());
        });
    }

    /** Ends the runs a replica left QUEUED or RUNNING (it restarted, or is stopping): FAILED, with why. */
    public int endUnfinished(String ofReplica, String why) {
        return QuarkusTransaction.requiringNew().call(() -> ReevaluationRun.update(
                "state = ?1, finishedAt = ?2, problem = ?3 where replica = ?4 and state in ?5",
                State.FAILED, OffsetDateTime.now(), why, ofReplica, ReevaluationRun.UNFINISHED));
    }

    public Optional<Run> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReevaluationRun.<ReevaluationRun>findByIdOptional(id)
                .map(ReevaluationRuns::run));
    }

    /** The newest run asked for anywhere in the cluster (ids are taken one at a time, in order). */
    public Optional<Run> latest() {
        return QuarkusTransaction.requiringNew().call(() -> ReevaluationRun.<ReevaluationRun>find("order by id desc")
                .firstResultOptional().map(ReevaluationRuns::run));
    }

    private static void write(Run run) {
        ReevaluationRun row = ReevaluationRun.findById(run.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.finished()) {
            return;
        }
        row.state = run.state();
        row.everyTask = run.everyTask();
        row.startedAt = run.startedAt();
        row.finishedAt = run.finishedAt();
        row.evaluated = run.evaluated();
        row.unchanged = run.unchanged();
        row.failed = run.failed();
        row.problem = run.problem();
    }

    private static Run run(ReevaluationRun row) {
        return new Run(row.id, row.reason, inCounty(row.requestedAt), row.state, row.everyTask, inCounty(row.startedAt),
                inCounty(row.finishedAt), row.evaluated, row.unchanged, row.failed, row.problem);
    }

    /** The database gives times back in UTC; the office reads them in the county's time, as they were written. */
    private static OffsetDateTime inCounty(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(BusinessCalendar.ZONE).toOffsetDateTime();
    }
}
