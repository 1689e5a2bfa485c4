package cn.duban.supervision.engine;

/**
 * A unit's tasks in one role (lead or co-unit) and how they ended up, counted from recorded facts.
 *
 * @param completedOnTime verified, claimed on or before the deadline
 * @param completedLate   verified, claimed after the deadline
 * @param openOverdue     past the deadline and not completed today
 */
public record TaskCounts(int tasks, int completedOnTime, int completedLate, int openOverdue) {

    private static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0);

    public TaskCounts {
        if (tasks < 0 || completedOnTime < 0 || completedLate < 0 || openOverdue < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + this);
        }
        if (completedOnTime + completedLate + openOverdue > tasks) {
            throw new IllegalArgumentException("more outcomes than tasks: " + this);
        }
    }

    public static TaskCounts none() {
        return NONE;
    }
}
