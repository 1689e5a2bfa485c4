package cn.duban.supervision.draft;

import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.engine.Strength;
import java.time.LocalDate;
import java.util.List;

/**
 * One drafted commitment of a report: the verbatim words and where they stand in the report ({@code start} to
 * {@code end}), and every field Duban proposes for the ledger, each with the words it came from. {@code key} names the
 * task within its draft (d001, d002 …); the ledger id is given when the draft is published.
 */
public record DraftTask(String key, ReviewState state, int start, int end, String text, List<String> section,
        Proposed<String> sector, Proposed<String> title, Proposed<TaskKind> kind, Proposed<Strength> strength,
        List<DraftTarget> targets, Proposed<LocalDate> deadline, List<DraftMilestone> milestones,
        Proposed<String> leadUnit, List<String> flags) {

    public DraftTask {
        section = section == null ? List.of() : List.copyOf(section);
        targets = targets == null ? List.of() : List.copyOf(targets);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public DraftTask withState(ReviewState s) {
        return new DraftTask(key, s, start, end, text, section, sector, title, kind, strength, targets, deadline,
                milestones, leadUnit, flags);
    }

    public DraftTask withKey(String k) {
        return new DraftTask(k, state, start, end, text, section, sector, title, kind, strength, targets, deadline,
                milestones, leadUnit, flags);
    }

    public DraftTask withTargets(List<DraftTarget> t) {
        return new DraftTask(key, state, start, end, text, section, sector, title, kind, strength, t, deadline,
                milestones, leadUnit, flags);
    }

    /** Accepted as drafted: every field the office has now seen becomes confirmed. */
    public DraftTask accepted() {
        return new DraftTask(key, ReviewState.ACCEPTED, start, end, text, section, sector.confirmed(),
                title.confirmed(), kind.confirmed(), strength == null ? null : strength.confirmed(),
                targets.stream().map(DraftTarget::confirmed).toList(), deadline.confirmed(),
                milestones.stream().map(DraftMilestone::confirmed).toList(), leadUnit.confirmed(), flags);
    }
}
