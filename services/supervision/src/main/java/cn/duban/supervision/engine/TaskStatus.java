package cn.duban.supervision.engine;

/** A task's status on the ledger, as {@link TaskEvaluator} derives it. */
public enum TaskStatus {
    /** No progress report yet and nothing wrong. */
    NOT_STARTED,
    ON_TRACK,
    /** At least one finding, none of them OVERDUE. */
    AT_RISK,
    OVERDUE,
    /** The unit claims completion and the office has not verified it yet. */
    COMPLETION_CLAIMED,
    /** Verified, claimed on or before the current deadline. */
    COMPLETED,
    /** Verified, claimed after the current deadline. */
    COMPLETED_LATE
}
