package cn.duban.supervision.repository;

import java.time.OffsetDateTime;

/**
 * A paper sent to a task's units and tracked until they answer it (督办通知单, 领导批示; docs/papers.md). Both keep a
 * {@link PaperTrail}; each says here how a receipt and an answer move its own states.
 */
public interface Paper {

    /** How a message names the paper to its reader. */
    String label();

    PaperTrail trail();

    /** 签收: returns whether this receipt counts (then the paper has moved); otherwise nothing changed. */
    boolean receive(String actor, OffsetDateTime at);

    /** The units' answer; returns whether it came after the paper's 时限. */
    boolean answer(String text, String actor, OffsetDateTime at);
}
