package cn.duban.events.task;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as the supervision office assigned it. Sent whole in every task event so that a sector
 * service can rebuild its picture from the topic alone.
 */
public record TaskSnapshot(
        String id,
        int year,
        String sector,
        String title,
        String text,
        List<String> section,
        String leadUnit,
        List<String> coUnits,
        String leader,
        List<Target> targets,
        List<Milestone> milestones,
        LocalDate plannedStart,
        LocalDate deadline,
        LocalDate originalDeadline,
        String reportingCycle,
        List<String> flags) {

    public TaskSnapshot {
        section = section == null ? List.of() : List.copyOf(section);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        targets = targets == null ? List.of() : List.copyOf(targets);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Whether {@code unit} answers for this task, as lead unit or co-unit. */
    public boolean involves(String unit) {
        return leadUnit.equals(unit) || coUnits.contains(unit);
    }
}
