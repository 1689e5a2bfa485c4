package cn.duban.supervision.engine;

/** The lifecycle of an alert (督办单): OPEN → ACKNOWLEDGED (签收) → RESOLVED; it may resolve unacknowledged. */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
