package cn.duban.supervision.ledger;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import java.time.LocalDate;
import java.util.List;

/** The ledger data file (ledger/pingyao-2022.json; shape in ledger.schema.json): one report year's tasks. */
public record LedgerFile(int year, String county, String source, LocalDate plannedStart, List<Entry> tasks) {

    public LedgerFile {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** One task as the data file states it; {@code plan}, its monthly plan, is {@code null} when the file gives none. */
    public record Entry(String id, String sector, String title, String text, List<String> section, String leadUnit,
            List<String> coUnits, String leader, List<Target> targets, List<Milestone> milestones, LocalDate deadline,
            String reportingCycle, List<String> flags, RuleOverride rules, List<MonthlyPlan.Month> plan) {

        /** A task without a monthly plan. */
        public Entry(String id, String sector, String title, String text, List<String> section, String leadUnit,
                List<String> coUnits, String leader, List<Target> targets, List<Milestone> milestones,
                LocalDate deadline, String reportingCycle, List<String> flags, RuleOverride rules) {
            this(id, sector, title, text, section, leadUnit, coUnits, leader, targets, milestones, deadline,
                    reportingCycle, flags, rules, null);
        }

        public TaskSnapshot toSnapshot(int year, LocalDate plannedStart) {
            return new TaskSnapshot(id, year, sector, title, text, section, leadUnit, coUnits, leader, targets,
                    milestones, plannedStart, deadline, deadline, reportingCycle == null ? "MONTHLY" : reportingCycle,
                    flags);
        }
    }

    /** A task's own alert thresholds and switched-off rules; absent fields keep the county-wide defaults. */
    public record RuleOverride(List<String> disabled, Integer dueSoonDays, Integer laggingPoints, Integer reportDueDay) {
        public RuleOverride {
            disabled = disabled == null ? List.of() : List.copyOf(disabled);
        }
    }

    public List<TaskSnapshot> snapshots() {
        return tasks.stream().map(t -> t.toSnapshot(year, plannedStart)).toList();
    }
}
