package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a task stands in the 办结/销号 workflow: the unit claims completion, the office verifies it.
 * A rejected claim is recorded by the caller as {@link State#NONE} again.
 */
public record Completion(State state, LocalDate claimedOn, LocalDate verifiedOn) {

    public enum State {
        NONE,
        CLAIMED,
        VERIFIED
    }

    private static final Completion NONE = new Completion(State.NONE, null, null);

    public Completion {
        Objects.requireNonNull(state, "state");
        if (state != State.NONE && claimedOn == null) {
            throw new IllegalArgumentException(state + " needs the date of the claim");
        }
        if (state == State.VERIFIED && verifiedOn == null) {
            throw new IllegalArgumentException("VERIFIED needs the date of verification");
        }
    }

    public static Completion none() {
        return NONE;
    }

    public static Completion claimed(LocalDate claimedOn) {
        return new Completion(State.CLAIMED, claimedOn, null);
    }

    /** When the office closes a task without a claim from the unit, pass the same date twice. */
    public static Completion verified(LocalDate claimedOn, LocalDate verifiedOn) {
        return new Completion(State.VERIFIED, claimedOn, verifiedOn);
    }

    public boolean isVerified() {
        return state == State.VERIFIED;
    }

    public boolean isClaimPending() {
        return state == State.CLAIMED;
    }
}
