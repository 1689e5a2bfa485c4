package cn.duban.supervision.service;

import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.ledger.MonthlyPlan;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The office sets a task's monthly plan (分月计划); the task is judged against it at once. */
@ApplicationScoped
public class TaskPlans {

    @Inject
    TaskEvaluation evaluation;

    @Inject
    Audit audit;

    /**
     * Replaces the plan of {@code taskId} with {@code months} (empty: no plan, the default curve again), audited as
     * {@code plan.set}; a plan {@link MonthlyPlan#problems refused} is a 400 naming each bad month and changes nothing.
     */
    @Transactional
    public TaskView.PlanView set(String taskId, List<MonthlyPlan.Month> months) {
        Task task = Tasks.existing(taskId, LockModeType.PESSIMISTIC_WRITE);
        List<BadField> bad = MonthlyPlan.problems(months, task.plannedStart, task.deadline).stream()
                .map(p -> new BadField("months[" + p.index() + "]." + p.field(), p.message())).toList();
        if (!bad.isEmpty()) {
            throw DubanException.invalidFields(bad);
        }
        List<MonthlyPlan.Month> sorted = months.stream().sorted(Comparator.comparing(MonthlyPlan.Month::month)).toList();
        task.monthlyPlan = sorted.isEmpty() ? null : sorted;
        audit.byCaller("plan.set", task.id, null, sorted.isEmpty() ? "cleared: the default curve"
                : sorted.stream().map(m -> m.month() + ":" + m.percent() + "%").collect(Collectors.joining("; ")));
        evaluation.evaluateLocked(List.of(task));
        return new TaskView.PlanView(task.id, sorted, task.expectedPercent, task.percent);
    }
}
