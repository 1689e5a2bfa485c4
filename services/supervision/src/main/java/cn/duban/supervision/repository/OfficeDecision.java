package cn.duban.supervision.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/**
 * The office's answer to what a unit asked (延期申请, 办结申请): PENDING until decided, then who decided, when and why.
 * Both workflows keep it in the same columns.
 */
@Embeddable
public class OfficeDecision {

    /** PENDING, then APPROVED (an extension) or VERIFIED (a completion, 销号), or REJECTED with a reason. */
    public enum State {
        PENDING,
        APPROVED,
        VERIFIED,
        REJECTED
    }

    @Enumerated(EnumType.STRING)
    public State state = State.PENDING;
    public OffsetDateTime decidedAt;
    public String decidedBy;
    @Column(name = "decision_reason")
    public String reason;

    public boolean isPending() {
        return state == State.PENDING;
    }

    public void decide(State outcome, String why, String actor, OffsetDateTime at) {
        state = outcome;
        reason = why;
        decidedBy = actor;
        decidedAt = at;
    }
}
