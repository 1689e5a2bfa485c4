package cn.duban.supervision.engine;

/** A task's status on the ledger, as {@link TaskEvaluator} derives it. */
public enum TaskStatus {
    /** No progress report yet and nothing wrong. */
    NOT_STARTED("未启动"),
    ON_TRACK("正常推进"),
    /** At least one finding, none of them OVERDUE. */
    AT_RISK("有风险"),
    OVERDUE("逾期"),
    /** The unit claims completion and the office has not verified it yet. */
    COMPLETION_CLAIMED("申请办结"),
    /** Verified, claimed on or before the current deadline. */
    COMPLETED("按期办结"),
    /** Verified, claimed after the current deadline. */
    COMPLETED_LATE("逾期办结");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    /** The status as the office reads it (exports, the page). */
    public String label() {
        return label;
    }
}
