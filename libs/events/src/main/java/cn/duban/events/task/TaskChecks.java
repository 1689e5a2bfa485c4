package cn.duban.events.task;

import cn.duban.events.Checks;
import cn.duban.events.Quantities;
import cn.duban.events.Sector;

/** The rules every task snapshot obeys, shared by the task events. */
final class TaskChecks {
    private TaskChecks() {
    }

    static Checks check(Checks checks, TaskSnapshot task) {
        checks.required("task", task);
        if (task == null) {
            return checks;
        }
        return checks.required("task.id", task.id())
                .required("task.sector", task.sector())
                .required("task.title", task.title())
                .required("task.leadUnit", task.leadUnit())
                .required("task.deadline", task.deadline())
                .that(Sector.fromId(task.sector()).isPresent(), "unknown sector '" + task.sector() + "'")
                .that(task.targets().stream().allMatch(t -> t.value() != null && t.value().signum() > 0),
                        "every target needs a positive value")
                .that(task.targets().stream().allMatch(t -> Quantities.isValid(t.value())),
                        "every target's value must be within the quantity bounds (at most " + Quantities.INTEGER_DIGITS
                                + " digits before the decimal point and " + Quantities.DECIMALS + " after it)");
    }
}
