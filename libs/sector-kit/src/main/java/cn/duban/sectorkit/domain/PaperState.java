package cn.duban.sectorkit.domain;

/**
 * Where a paper stands, in the order it moves (it never moves back). Received covers a notice's 签收 and an
 * instruction's acknowledgement; answered, a 回执 or an instruction's answer.
 */
public enum PaperState {
    ISSUED, RECEIVED, OVERDUE, ANSWERED
}
