package cn.duban.supervision.draft;

/** 确保 / 力争: how hard the report commits. */
public enum Strength {
    MUST, STRIVE
}
