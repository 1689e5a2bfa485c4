package cn.duban.agriculture;

import cn.duban.events.task.Target;
import cn.duban.platform.rest.Problem.FieldError;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.rest.Requests;
import cn.duban.sectorkit.service.SectorRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Agriculture reports land in 亩 and animals in 头/只/羽: counts of whole things. A fraction of a head is
 * a typo, and half a 亩 is below what a county survey measures, so both must be whole numbers.
 */
@ApplicationScoped
public class AgricultureRules implements SectorRules {
    static final Set<String> WHOLE_UNITS = Set.of("亩", "头", "只", "羽", "户", "个", "座", "条", "处", "人", "村");

    @Override
    public List<FieldError> check(AssignedTask task, Requests.Progress report) {
        Map<String, Target> targets = task.targets.stream()
                .collect(Collectors.toMap(Target::metric, Function.identity(), (a, b) -> a));
        List<FieldError> errors = new ArrayList<>();
        List<Requests.Figure> figures = report.figures() == null ? List.of() : report.figures();
        for (int i = 0; i < figures.size(); i++) {
            Target target = targets.get(figures.get(i).metric());
            if (target != null && WHOLE_UNITS.contains(target.unit())
                    && figures.get(i).value().stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError("figures[" + i + "].value",
                        "whole " + target.unit() + " only (got " + figures.get(i).value() + ")"));
            }
        }
        return errors;
    }
}
