package cn.duban.sectorkit.domain;

/** Where an alert in the sector's inbox stands, as supervision's alert events say: open, acknowledged (签收), resolved. */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED
}
