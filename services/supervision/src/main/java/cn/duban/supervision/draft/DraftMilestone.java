package cn.duban.supervision.draft;

import java.time.LocalDate;

/** A drafted dated step (试运行 by 5月底), with the words it came from. */
public record DraftMilestone(String name, LocalDate due, boolean proposed, Provenance provenance) {

    public DraftMilestone confirmed() {
        return new DraftMilestone(name, due, false,
                provenance == null ? Provenance.confirmedByOffice() : provenance.confirmed());
    }
}
