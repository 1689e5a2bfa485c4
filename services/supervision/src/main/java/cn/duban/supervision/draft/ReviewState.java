package cn.duban.supervision.draft;

/** Where a drafted task stands in the office's review: proposed by Duban, accepted (possibly edited), or rejected. */
public enum ReviewState {
    PROPOSED, ACCEPTED, REJECTED
}
