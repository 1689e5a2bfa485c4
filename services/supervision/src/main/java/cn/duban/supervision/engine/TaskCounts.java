package cn.duban.supervision.engine;

import java.math.BigDecimal;

/**
 * A unit's tasks in one role (lead or co-unit) and how they ended up, counted from recorded facts.
 *
 * @param completedOnTime verified, claimed on or before the deadline
 * @param completedLate   verified, claimed after the deadline
 * @param openOverdue     past the deadline and not completed today
 * @param openOverdueStriving of those, the ones the report only strove for (力争, {@link Strength#STRIVE})
 */
public record TaskCounts(int tasks, int completedOnTime, int completedLate, int openOverdue, int openOverdueStriving) {

    private static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0, 0);

    public TaskCounts {
        if (tasks < 0 || completedOnTime < 0 || completedLate < 0 || openOverdue < 0 || openOverdueStriving < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + this);
        }
        if (openOverdueStriving > openOverdue) {
            throw new IllegalArgumentException("more striving than overdue tasks: " + this);
        }
        if (completedOnTime + completedLate + openOverdue > tasks) {
            throw new IllegalArgumentException("more outcomes than tasks: " + this);
        }
    }

    /** Counts where every overdue task was a MUST commitment. */
    public TaskCounts(int tasks, int completedOnTime, int completedLate, int openOverdue) {
        this(tasks, completedOnTime, completedLate, openOverdue, 0);
    }

    /** The overdue tasks weighed by their strength: a STRIVE one counts {@link Strength#penaltyShare() ½}. */
    public BigDecimal openOverdueWeighed() {
        return BigDecimal.valueOf(openOverdue - openOverdueStriving)
                .add(Strength.STRIVE.penaltyShare().multiply(BigDecimal.valueOf(openOverdueStriving)));
    }

    public static TaskCounts none() {
        return NONE;
    }
}
