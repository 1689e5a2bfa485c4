package cn.duban.supervision.service;

import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.ledger.Provenance;
import cn.duban.supervision.repository.FieldConfirmation;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a task's assignment fields come from ({@link Provenance}), and the office confirming or replacing them
 * (docs/ledger.md, "What the report names"). A replacement changes the task as the sector services know it
 * (TaskUpdated) and is judged at once; every confirmation is audited.
 */
@ApplicationScoped
public class TaskProvenance {
    // the ledger schema's leaderRole
    private static final Pattern LEADER = Pattern.compile("^(县长|常务副县长|分管\\S+工作的副县长)$");

    @Inject
    TaskUpdates updates;

    @Inject
    BusinessClock clock;

    @Inject
    Audit audit;

    @Inject
    SupervisionAccess access;

    @Inject
    TaskEvaluation evaluation;

    /** The origin of each field of {@code task}, with the fields the office has confirmed. */
    public static Map<String, Provenance.Field> of(Task task, List<String> confirmed) {
        return Provenance.of(task.text, task.year, task.originalDeadline, confirmed);
    }

    public static Map<String, Provenance.Field> of(Task task) {
        return of(task, FieldConfirmation.fieldsOf(task.id));
    }

    /**
     * The office confirms {@code field} of {@code taskId} as it stands ({@code value} absent or null) or replaces it
     * with {@code value}; either way the field is CONFIRMED from now on.
     */
    @Transactional
    public Map<String, Provenance.Field> confirm(String taskId, String field, JsonNode value) {
        if (!Provenance.FIELDS.contains(field)) {
            throw DubanException.notFound("没有可确认的字段 %s（可确认：%s）", "no field %s to confirm (fields: %s)", field,
                    String.join(", ", Provenance.FIELDS));
        }
        Task task = Tasks.existing(taskId, LockModeType.PESSIMISTIC_WRITE);
        String before = valueOf(task, field);
        boolean replacing = value != null && !value.isNull();
        if (replacing) {
            replace(task, field, value);
        }
        String after = valueOf(task, field);
        FieldConfirmation.Key key = new FieldConfirmation.Key(taskId, field);
        FieldConfirmation row = FieldConfirmation.findById(key);
        boolean changed = !Objects.equals(before, after);
        if (row == null) {
            row = new FieldConfirmation();
            row.key = key;
        }
        row.confirmedAt = clock.now();
        row.confirmedBy = access.actor();
        row.replaced = changed ? before : null;
        row.persist();
        audit.byCaller(changed ? "provenance.replaced" : "provenance.confirmed", taskId, field,
                changed ? before + " → " + after : after);
        if (changed) {
            updates.changedByCaller(task, clock.now(), "office replaced " + field + ": " + before + " → " + after);
            evaluation.evaluateLocked(List.of(task));
        }
        return of(task);
    }

    /** The field's value as the audit trail writes it. */
    static String valueOf(Task task, String field) {
        return switch (field) {
            case "leadUnit" -> task.leadUnit;
            case "coUnits" -> String.join("、", task.coUnits);
            case "leader" -> task.leader;
            case "deadline" -> String.valueOf(task.deadline);
            case "plannedStart" -> String.valueOf(task.plannedStart);
            case "reportingCycle" -> task.reportingCycle;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** A re-import that changes a confirmed field's value drops that confirmation: the office never saw the new value. */
    public static void forgetChanged(Task task, Map<String, String> valuesBefore) {
        for (FieldConfirmation row : FieldConfirmation.<FieldConfirmation>list("key.taskId", task.id)) {
            if (!Objects.equals(valuesBefore.get(row.key.field()), valueOf(task, row.key.field()))) {
                row.delete();
            }
        }
    }

    public static Map<String, String> values(Task task) {
        Map<String, String> values = new HashMap<>();
        Provenance.FIELDS.forEach(f -> values.put(f, valueOf(task, f)));
        return values;
    }

    private static void replace(Task task, String field, JsonNode value) {
        switch (field) {
            case "leadUnit" -> {
                String unit = text(field, value);
                requireUnit(field, unit);
                if (task.coUnits.contains(unit)) {
                    throw DubanException.invalidField("value", "%s 已是配合单位，不能同时牵头", "%s is a co-unit and cannot also lead",
                            unit);
                }
                task.leadUnit = unit;
            }
            case "coUnits" -> {
                if (!value.isArray()) {
                    throw DubanException.invalidField("value", "配合单位应是单位名称的数组（可以为空）",
                            "co-units must be an array of unit names (possibly empty)");
                }
                List<String> units = new ArrayList<>();
                for (JsonNode unit : value) {
                    String name = text(field, unit);
                    requireUnit(field, name);
                    if (name.equals(task.leadUnit)) {
                        throw DubanException.invalidField("value", "%s 是牵头单位，不能同时配合", "%s leads and cannot also be a co-unit",
                                name);
                    }
                    units.add(name);
                }
                if (new HashSet<>(units).size() != units.size()) {
                    throw DubanException.invalidField("value", "配合单位有重复", "a co-unit appears twice");
                }
                task.coUnits = List.copyOf(units);
            }
            case "leader" -> {
                String leader = text(field, value);
                if (!LEADER.matcher(leader).matches()) {
                    throw DubanException.invalidField("value", "责任领导应写职务：县长、常务副县长或“分管××工作的副县长”，不能是「%s」",
                            "the leader is a post: 县长, 常务副县长 or 分管××工作的副县长, not '%s'", leader);
                }
                task.leader = leader;
            }
            case "deadline" -> {
                LocalDate deadline = date(value);
                if (!task.deadline.equals(task.originalDeadline)) {
                    throw DubanException.conflict("任务已批准延期至 %s，完成时限由延期审批调整",
                            "the task's deadline was extended to %s; extensions change it", task.deadline);
                }
                if (deadline.isBefore(task.plannedStart)) {
                    throw DubanException.invalidField("value", "完成时限 %s 早于计划开始日期 %s",
                            "the deadline %s is before the planned start %s", deadline, task.plannedStart);
                }
                task.deadline = deadline;
                task.originalDeadline = deadline;
            }
            case "plannedStart" -> {
                LocalDate start = date(value);
                if (start.isAfter(task.deadline)) {
                    throw DubanException.invalidField("value", "计划开始日期 %s 晚于完成时限 %s",
                            "the planned start %s is after the deadline %s", start, task.deadline);
                }
                task.plannedStart = start;
            }
            case "reportingCycle" -> {
                String cycle = text(field, value);
                if (!"MONTHLY".equals(cycle)) {
                    throw DubanException.invalidField("value", "报送周期目前只能是 MONTHLY（按月）",
                            "the reporting cycle can only be MONTHLY for now");
                }
                task.reportingCycle = cycle;
            }
            default -> throw new IllegalArgumentException(field);
        }
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw DubanException.invalidField("value", "%s 的值应是一段文字", "the value of %s must be text", field);
        }
        return value.asText().strip();
    }

    private static LocalDate date(JsonNode value) {
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw DubanException.invalidField("value", "「%s」不是日期（YYYY-MM-DD）", "'%s' is not a date (YYYY-MM-DD)",
                    value.asText());
        }
    }

    private static void requireUnit(String field, String name) {
        if (Unit.findById(name) == null) {
            throw DubanException.invalidField("value", "「%s」不在单位名录中", "'%s' is not in the unit directory", name);
        }
    }
}
