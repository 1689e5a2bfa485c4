package cn.duban.supervision.service;

import cn.duban.supervision.service.Reevaluation.Run;
import cn.duban.supervision.repository.ReevaluationRun.State;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs' table for a plain test of {@link Reevaluation}, with the rules of {@link ReevaluationRuns}: ids in the
 * order runs were asked for, and a finished run never changes again.
 */
class RunsInMemory extends ReevaluationRuns {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Run> rows = new ConcurrentSkipListMap<>();

    /** A re-evaluation with no database: its runs kept here, its turn in the cluster as {@code cluster} gives it. */
    static Reevaluation reevaluationWith(ClusterJobs cluster) {
        Reevaluation reevaluation = new Reevaluation();
        reevaluation.clock = new BusinessClock();
        reevaluation.runs = new RunsInMemory();
        reevaluation.cluster = cluster;
        return reevaluation;
    }

    @Override
    public String replica() {
        return "in-memory";
    }

    @Override
    public Run queue(String reason, OffsetDateTime requestedAt) {
        Run run = new Run(ids.incrementAndGet(), reason, requestedAt, State.QUEUED, false, null, null, 0, 0, 0, null);
        rows.put(run.id(), run);
        return run;
    }

    @Override
    public void record(Run run) {
        rows.computeIfPresent(run.id(), (id, row) -> finished(row) ? row : run);
    }

    @Override
    public void start(Run run) {
        record(run);
    }

    @Override
    public int endUnfinished(String ofReplica, String why) {
        return 0;
    }

    @Override
    public Optional<Run> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Run> latest() {
        return rows.values().stream().reduce((older, newer) -> newer);
    }

    private static boolean finished(Run run) {
        return run.state() != State.QUEUED && run.state() != State.RUNNING;
    }
}
