package cn.duban.supervision.service;

import cn.duban.supervision.engine.RuleSettings;
import cn.duban.supervision.engine.TaskEvaluator;
import cn.duban.supervision.engine.WorkingCalendar;
import cn.duban.supervision.repository.ReevaluationRun.State;
import cn.duban.supervision.repository.Task;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Re-evaluates the ledger as queued work, one run at a time: on a schedule (time alone can make a task slip)
 * and when the office moves the clock — never inside an HTTP call. A run evaluates only the tasks whose evaluation
 * can have changed ({@link #DUE}): never evaluated, marked by an input, at or past the date their evaluation keeps
 * ({@code Task.reevaluateFrom}, see {@link TaskEvaluation}), or evaluated for a later date than today (the demo
 * clock moved back); every task when the rule settings or calendar differ from those the dates were computed with
 * ({@code evaluation_settings}), or when asked for ({@link #requestEveryTask}). A request while a run waits joins that run (it
 * will read the clock when it starts); a request while one runs queues the next. A run goes through the ledger in
 * id order a chunk at a time, one transaction each, with the chunk's task rows locked (so it never evaluates a task
 * at the same time as a report being taken in), so memory and lock time stay bounded however large the ledger is;
 * a task that cannot be evaluated is skipped and counted, and a chunk that fails is redone by the next run.
 * Runs, their progress and outcome are rows every replica reads ({@link ReevaluationRuns}); the run waiting to
 * start, which a request joins, is this replica's own.
 */
@ApplicationScoped
public class Reevaluation {
    private static final Logger LOG = Logger.getLogger(Reevaluation.class);
    static final int TASKS_PER_TRANSACTION = 1000;
    private static final int SECONDS_PER_TRANSACTION = 300;
    private static final String SCHEDULED = "scheduled";
    /** The job's name among the replicas: one whole-ledger run at a time in the cluster. */
    private static final String JOB = "ledger-reevaluation";
    /** The tasks a run evaluates; the rest cannot have changed since their last evaluation. */
    static final String DUE = "(reevaluateFrom is null or reevaluateFrom <= ?2 or evaluatedOn > ?2)";

    /**
     * One whole-ledger evaluation. Times are business time when it was asked for, wall time when it ran.
     *
     * @param everyTask whether the run evaluated every task (asked for, or the settings changed), not only those due
     * @param evaluated tasks evaluated, those that could not be included
     * @param unchanged tasks left as they were: nothing they depend on can have changed since their last evaluation
     * @param failed    tasks that could not be evaluated (shown to the office as 无法评估)
     * @param problem   why the run failed, when it did
     */
    public record Run(long id, String reason, OffsetDateTime requestedAt, State state, boolean everyTask,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, int evaluated, int unchanged, int failed,
            String problem) {

        Run with(State to, OffsetDateTime started, OffsetDateTime finished, int evaluatedTasks, int unchangedTasks,
                int failedTasks, String why) {
            return new Run(id, reason, requestedAt, to, everyTask, started, finished, evaluatedTasks, unchangedTasks,
                    failedTasks, why);
        }

        Run everyTask(boolean all) {
            return new Run(id, reason, requestedAt, state, all, startedAt, finishedAt, evaluated, unchanged, failed,
                    problem);
        }
    }

    @Inject
    TaskEvaluation evaluation;

    @Inject
    EntityManager entityManager;

    @Inject
    BusinessClock clock;

    @Inject
    ClusterJobs cluster;

    @Inject
    RuleSettings settings;

    @Inject
    WorkingCalendar calendar;

    @Inject
    ReevaluationRuns runs;

    @ConfigProperty(name = "duban.evaluation.every", defaultValue = "1h")
    Duration every;

    private boolean everyTaskAsked;

    private Run waiting;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ledger-reevaluation");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(every = "${duban.evaluation.every:1h}", delayed = "30s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        request(SCHEDULED);
    }

    /** A replica that starts again ends the runs it left unfinished: its worker, and their place in it, are gone. */
    void onStart(@Observes StartupEvent start) {
        int ended = runs.endUnfinished(runs.replica(), ReevaluationRuns.Why.restarted(runs.replica()));
        if (ended > 0) {
            LOG.warnf("%d re-evaluation(s) queued or running here before a restart marked FAILED; the next run does their work",
                    ended);
        }
    }

    /** A replica that stops ends its runs itself, so they are not left QUEUED if it never comes back. */
    void onStop(@Observes ShutdownEvent stop) {
        stop();
        try {
            runs.endUnfinished(runs.replica(), ReevaluationRuns.Why.stopped(runs.replica()));
        } catch (RuntimeException e) {
            LOG.warnf("cannot mark this replica's unfinished re-evaluations as interrupted (%s); its next start will", e.toString());
        }
    }

    /** Queues a run of the tasks due (or joins the one already waiting on this replica) and returns it at once. */
    public synchronized Run request(String reason) {
        if (waiting != null) {
            return waiting;
        }
        Run run = runs.queue(reason, clock.now());
        waiting = run;
        worker.execute(() -> execute(run));
        return run;
    }

    /** The same, the run evaluating every task whether due or not (the next run to start, if one waits). */
    public synchronized Run requestEveryTask(String reason) {
        everyTaskAsked = true;
        return request(reason);
    }

    /** A run asked for on any replica, as it stands. */
    public Optional<Run> run(long id) {
        return runs.find(id);
    }

    /** The newest run asked for on any replica, if any. */
    public Optional<Run> latest() {
        return runs.latest();
    }

    /**
     * A run waits for another replica's run to end, so two never go through the ledger at once; a scheduled one is
     * skipped when any replica began one within the period, so the cluster re-evaluates once a period in all.
     */
    private void execute(Run asked) {
        long id = asked.id();
        synchronized (this) {
            waiting = null;
        }
        try {
            if (SCHEDULED.equals(asked.reason())) {
                if (!cluster.runIfDue(JOB, every, () -> evaluateAll(asked))) {
                    finish(asked.with(State.SKIPPED, OffsetDateTime.now(), OffsetDateTime.now(), 0, 0, 0, null));
                }
            } else {
                cluster.runInTurn(JOB, () -> evaluateAll(asked));
            }
        } catch (RuntimeException e) {
            // the cluster's turn could not be had (the database away): a run that never started says so and is not
            // left QUEUED for whoever follows it; one that started has its own outcome already
            LOG.errorf(e, "re-evaluation %d (%s) could not start; the next run does what it was asked", id, asked.reason());
            try {
                runs.find(id).filter(now -> now.state() == State.QUEUED).ifPresent(now ->
                        finish(now.with(State.FAILED, null, OffsetDateTime.now(), 0, 0, 0, ReevaluationRuns.Why.failed(e))));
            } catch (RuntimeException unrecorded) {
                LOG.errorf("re-evaluation %d stays QUEUED in the table: %s", id, unrecorded.toString());
            }
        }
    }

    private void evaluateAll(Run asked) {
        long id = asked.id();
        boolean asksEveryTask;
        synchronized (this) {
            asksEveryTask = everyTaskAsked;
            everyTaskAsked = false;
        }
        Run run = asked.with(State.RUNNING, OffsetDateTime.now(), null, 0, 0, 0, null);
        int evaluated = 0;
        int failed = 0;
        try {
            // inside the try: a run that cannot even start is FAILED, never left RUNNING
            String fingerprint = fingerprint();
            LocalDate today = clock.today();
            long total = QuarkusTransaction.requiringNew().call(() -> Task.count());
            boolean everyTask = asksEveryTask || !fingerprint.equals(keptFingerprint());
            run = run.everyTask(everyTask);
            runs.start(run);
            String after = "";
            while (after != null) {
                String from = after;
                Chunk chunk = QuarkusTransaction.requiringNew().timeout(SECONDS_PER_TRANSACTION)
                        .call(() -> chunkAfter(from, everyTask, today));
                evaluated += chunk.tasks();
                failed += chunk.failed();
                after = chunk.lastId();
                if (chunk.tasks() > 0) {
                    runs.record(run.with(State.RUNNING, run.startedAt(), null, evaluated, 0, failed, null));
                }
            }
            if (everyTask) {
                QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into evaluation_settings (id, fingerprint) values (1, ?1)
                        on conflict (id) do update set fingerprint = excluded.fingerprint""")
                        .setParameter(1, fingerprint).executeUpdate());
            }
            finish(run.with(State.DONE, run.startedAt(), OffsetDateTime.now(), evaluated,
                    (int) Math.max(0, total - evaluated), failed, null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-evaluation %d (%s) stopped after %d tasks; the next run redoes the rest", id, run.reason(),
                    evaluated);
            synchronized (this) {
                everyTaskAsked |= asksEveryTask; // the next run does what this one was asked for
            }
            finish(run.with(State.FAILED, run.startedAt(), OffsetDateTime.now(), evaluated, 0, failed,
                    ReevaluationRuns.Why.failed(e)));
        }
    }

    private String keptFingerprint() {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select coalesce((select fingerprint from evaluation_settings where id = 1), '')").getSingleResult());
    }

    /** What the stored boundaries were computed with: the thresholds, the calendar and the rules' revision. */
    String fingerprint() {
        String text = "rules=" + TaskEvaluator.RULES_REVISION + ";" + settings + ";" + calendar.fingerprint();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Chunk(String lastId, int tasks, int failed) {
    }

    /** Locks and evaluates the next tasks due after {@code id}; the last id is null when the ledger is done. */
    private Chunk chunkAfter(String id, boolean everyTask, LocalDate today) {
        // Many rows in one transaction: flushing before every query would re-check them all each time.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        List<Task> tasks = (everyTask ? Task.<Task>find("id > ?1 order by id", id)
                : Task.<Task>find("id > ?1 and " + DUE + " order by id", id, today))
                .page(0, TASKS_PER_TRANSACTION).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (tasks.isEmpty()) {
            return new Chunk(null, 0, 0);
        }
        int failed = evaluation.evaluateLocked(tasks);
        return new Chunk(tasks.get(tasks.size() - 1).id, tasks.size(), failed);
    }

    private void finish(Run run) {
        runs.record(run);
        LOG.infof("re-evaluation %d (%s): %s, %d tasks evaluated%s, %d unchanged, %d could not be evaluated", run.id(),
                run.reason(), run.state(), run.evaluated(), run.everyTask() ? " (every task)" : "", run.unchanged(),
                run.failed());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
