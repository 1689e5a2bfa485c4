package cn.duban.supervision.draft;

/** 指标 / 项目 / 工作: an economic indicator, a construction or investment project, a work measure. */
public enum TaskKind {
    INDICATOR, PROJECT, WORK
}
