package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One whole-ledger re-evaluation as every replica sees it ({@link cn.duban.supervision.service.Reevaluation.Run}); written by the replica whose
 * worker runs it, read by any.
 */
@Entity
@Table(name = "reevaluation_run")
public class ReevaluationRun extends PanacheEntityBase {
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        /** A scheduled run another replica had made within the period (ClusterJobs). */
        SKIPPED
    }

    /** The states a run can still leave. */
    public static final List<State> UNFINISHED = List.of(State.QUEUED, State.RUNNING);

    /** Given by the database one at a time, so ids follow the order runs were asked for in the whole cluster (V30). */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String reason;
    public OffsetDateTime requestedAt;
    @Enumerated(EnumType.STRING)
    public State state;
    public boolean everyTask;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
    public int evaluated;
    public int unchanged;
    public int failed;
    public String problem;
    /** The replica (host:port) whose worker runs it. */
    public String replica;

    public boolean finished() {
        return !UNFINISHED.contains(state);
    }
}
