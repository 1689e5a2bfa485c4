package cn.duban.supervision.repository;

import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/**
 * Where a paper sent to units stands with them (督办通知单, 领导批示): issued, received (签收), answered (回执, 办理结果).
 * Both papers keep it; each names its own columns.
 */
@Embeddable
public class PaperTrail {
    public OffsetDateTime issuedAt;
    public OffsetDateTime receivedAt;
    public String receivedBy;
    public OffsetDateTime answeredAt;
    public String answeredBy;
    public String answer;

    public PaperTrail() {
    }

    public PaperTrail(OffsetDateTime issuedAt) {
        this.issuedAt = issuedAt;
    }

    /** 签收: the first receipt counts; returns whether this was it. */
    public boolean receive(String actor, OffsetDateTime at) {
        if (receivedAt != null) {
            return false;
        }
        receivedAt = at;
        receivedBy = actor;
        return true;
    }

    /** The units' answer; an answer is a receipt too when none came before it. */
    public void answer(String text, String actor, OffsetDateTime at) {
        receive(actor, at);
        answer = text;
        answeredAt = at;
        answeredBy = actor;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** Received by {@code end} (a bulletin states the papers as they stood then). */
    public boolean receivedAsOf(OffsetDateTime end) {
        return receivedAt != null && !receivedAt.isAfter(end);
    }

    /** Answered by {@code end}. */
    public boolean answeredAsOf(OffsetDateTime end) {
        return answeredAt != null && !answeredAt.isAfter(end);
    }

    /** Answered before {@code start}: done with before a period began. */
    public boolean answeredBefore(OffsetDateTime start) {
        return answeredAt != null && answeredAt.isBefore(start);
    }
}
