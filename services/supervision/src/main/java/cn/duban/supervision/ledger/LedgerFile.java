package cn.duban.supervision.ledger;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.TaskKind;
import java.time.LocalDate;
import java.util.List;

/** The ledger data file (ledger/pingyao-2022.json; shape in ledger.schema.json): one report year's tasks. */
public record LedgerFile(int year, String county, String source, LocalDate plannedStart, List<Entry> tasks) {

    public LedgerFile {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /**
     * One task as the data file states it. {@code kind}, and a target's {@code type} and {@code strength}, may be
     * absent in files written before they existed: the snapshot then carries the defaults (docs/ledger.md).
     * {@code plan}, its monthly plan, is {@code null} when the file gives none.
     */
    public record Entry(String id, String sector, String title, String text, List<String> section, String leadUnit,
            List<String> coUnits, String leader, List<Target> targets, List<Milestone> milestones, LocalDate deadline,
            String reportingCycle, List<String> flags, RuleOverride rules, String kind, List<MonthlyPlan.Month> plan) {

        /** A task without a monthly plan. */
        public Entry(String id, String sector, String title, String text, List<String> section, String leadUnit,
                List<String> coUnits, String leader, List<Target> targets, List<Milestone> milestones,
                LocalDate deadline, String reportingCycle, List<String> flags, RuleOverride rules, String kind) {
            this(id, sector, title, text, section, leadUnit, coUnits, leader, targets, milestones, deadline,
                    reportingCycle, flags, rules, kind, null);
        }

        public TaskSnapshot toSnapshot(int year, LocalDate plannedStart) {
            List<Target> judged = targets == null ? List.of() : targets.stream().map(Entry::withDefaults).toList();
            return new TaskSnapshot(id, year, sector, title, text, section, leadUnit, coUnits, leader, judged,
                    milestones, plannedStart, deadline, deadline, reportingCycle == null ? "MONTHLY" : reportingCycle,
                    flags, kind == null ? impliedKind(judged).name() : kind);
        }

        private TaskKind impliedKind(List<Target> judged) {
            return TaskKind.implied(flags == null ? List.of() : flags,
                    judged.stream().map(t -> TargetType.valueOf(t.type())).toList(),
                    judged.stream().anyMatch(Target::isInvestment));
        }

        private static Target withDefaults(Target t) {
            return new Target(t.metric(), t.unit(), t.value(), t.type() == null ? TargetType.AMOUNT.name() : t.type(),
                    t.strength() == null ? Strength.MUST.name() : t.strength(), t.baseline());
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
