package cn.duban.supervision.repository;

import cn.duban.supervision.service.Reevaluation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One whole-ledger re-evaluation as every replica sees it ({@link Reevaluation.Run}); written by the replica whose
 * worker runs it, read by any.
 */
@Entity
@Table(name = "reevaluation_run")
public class ReevaluationRun extends PanacheEntityBase {
    /** The states a run can still leave. */
    public static final List<Reevaluation.State> UNFINISHED = List.of(Reevaluation.State.QUEUED, Reevaluation.State.RUNNING);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reevaluation_run_seq")
    // one at a time: ids follow the order runs were asked for in the whole cluster (V30)
    @SequenceGenerator(name = "reevaluation_run_seq", sequenceName = "reevaluation_run_seq", allocationSize = 1)
    public Long id;
    public String reason;
    public OffsetDateTime requestedAt;
    @Enumerated(EnumType.STRING)
    public Reevaluation.State state;
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
