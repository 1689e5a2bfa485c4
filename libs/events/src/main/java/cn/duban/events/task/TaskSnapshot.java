package cn.duban.events.task;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as the supervision office assigned it. Sent whole in every task event so that a sector
 * service can rebuild its picture from the topic alone.
 *
 * @param kind INDICATOR, PROJECT or WORK (指标/项目/工作); added after v1 first shipped, null in older events
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
        List<String> flags,
        String kind) {

    public TaskSnapshot {
        section = section == null ? List.of() : List.copyOf(section);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        targets = targets == null ? List.of() : List.copyOf(targets);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A task whose kind is not given (as in events written before kinds existed). */
    public TaskSnapshot(String id, int year, String sector, String title, String text, List<String> section,
            String leadUnit, List<String> coUnits, String leader, List<Target> targets, List<Milestone> milestones,
            LocalDate plannedStart, LocalDate deadline, LocalDate originalDeadline, String reportingCycle,
            List<String> flags) {
        this(id, year, sector, title, text, section, leadUnit, coUnits, leader, targets, milestones, plannedStart,
                deadline, originalDeadline, reportingCycle, flags, null);
    }

    /** Whether {@code unit} answers for this task, as lead unit or co-unit. */
    public boolean involves(String unit) {
        return leadUnit.equals(unit) || coUnits.contains(unit);
    }
}
