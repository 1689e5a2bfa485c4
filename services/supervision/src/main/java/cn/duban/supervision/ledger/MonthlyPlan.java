package cn.duban.supervision.ledger;

import cn.duban.supervision.engine.PlanPoint;
import cn.duban.text.Text;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A task's monthly plan (分月计划): by the end of each month named, this percent of the task should be done. The
 * ledger file, the spreadsheets and the office's {@code PUT /api/supervision/tasks/{id}/plan} all go through
 * {@link #problems}, so one plan is judged the same wherever it comes from.
 */
public final class MonthlyPlan {

    /** One month of the plan; {@code percent} is cumulative, of the whole task. */
    public record Month(YearMonth month, Integer percent) {
    }

    /** What is wrong with the {@code index}-th month ({@code field}: month or percent). */
    public record Problem(int index, String field, Text message) {
    }

    private MonthlyPlan() {
    }

    /**
     * Every way {@code months} cannot be the plan of a task running {@code plannedStart}..{@code deadline}: a month
     * missing, twice or outside the task's months, a percent missing or outside 0..100, a percent below an earlier
     * month's (a cumulative plan never goes down). Empty if the plan may be kept.
     */
    public static List<Problem> problems(List<Month> months, LocalDate plannedStart, LocalDate deadline) {
        List<Problem> problems = new ArrayList<>();
        YearMonth first = YearMonth.from(plannedStart);
        YearMonth last = YearMonth.from(deadline);
        Set<YearMonth> seen = new HashSet<>();
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            if (m == null || m.month() == null) {
                problems.add(new Problem(i, "month", Text.of("缺少月份（YYYY-MM）", "the month (YYYY-MM) is missing")));
            } else if (m.month().isBefore(first) || m.month().isAfter(last)) {
                problems.add(new Problem(i, "month", Text.of("%s 不在任务的起止月份 %s 至 %s 之内",
                        "%s is outside the task's months %s to %s", m.month(), first, last)));
            } else if (!seen.add(m.month())) {
                problems.add(new Problem(i, "month", Text.of("%s 出现了两次", "%s appears twice", m.month())));
            }
            if (m == null || m.percent() == null) {
                problems.add(new Problem(i, "percent", Text.of("缺少计划完成百分比", "the planned percent is missing")));
            } else if (m.percent() < 0 || m.percent() > 100) {
                problems.add(new Problem(i, "percent", Text.of("计划完成百分比应在 0 到 100 之间，不能是 %s",
                        "the planned percent must be within 0..100, not %s", m.percent())));
            }
        }
        if (problems.isEmpty()) {
            List<Month> sorted = months.stream().sorted((a, b) -> a.month().compareTo(b.month())).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Month before = sorted.get(i - 1);
                Month now = sorted.get(i);
                if (now.percent() < before.percent()) {
                    problems.add(new Problem(months.indexOf(now), "percent", Text.of(
                            "%s 计划完成 %s%%，少于 %s 的 %s%%：分月计划是累计数，不能下降",
                            "%s plans %s%%, less than %s's %s%%: a monthly plan is cumulative and cannot go down",
                            now.month(), now.percent(), before.month(), before.percent())));
                }
            }
        }
        return problems;
    }

    /**
     * The engine's plan points: each month's percent at its last day, or at the deadline in the deadline's month; months
     * after the deadline's (a deadline a re-import moved earlier) are left out.
     */
    public static List<PlanPoint> points(List<Month> months, LocalDate deadline) {
        if (months == null) {
            return List.of();
        }
        return months.stream().filter(m -> !m.month().isAfter(YearMonth.from(deadline)))
                .map(m -> new PlanPoint(m.month().atEndOfMonth().isAfter(deadline) ? deadline : m.month().atEndOfMonth(),
                        m.percent())).toList();
    }
}
