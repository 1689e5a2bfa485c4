package cn.duban.sectorkit.domain;

/** What a paper in a unit's inbox is: a notice (督办通知单) or a leader's instruction (领导批示). */
public enum PaperKind {
    NOTICE, INSTRUCTION
}
