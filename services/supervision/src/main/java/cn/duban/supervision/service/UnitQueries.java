package cn.duban.supervision.service;

import cn.duban.platform.rest.Page;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.view.TaskView;
import cn.duban.supervision.view.UnitView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The unit directory, and each unit's responsibilities (the unit × task matrix). */
@ApplicationScoped
public class UnitQueries {

    public Page<UnitView> units() {
        return Page.all(Unit.<Unit>listAll(Sort.by("sector").and("name")).stream()
                .map(u -> new UnitView(u.name, u.sector, u.leader)).toList());
    }

    public Page<UnitView.Responsibility> responsibilities(String unit) {
        List<Unit> units = unit == null ? Unit.listAll(Sort.by("sector").and("name"))
                : Unit.<Unit>findByIdOptional(unit).map(List::of).orElse(List.of());
        List<Task> tasks = Task.listAll(Sort.by("id"));
        return Page.all(units.stream().map(u -> new UnitView.Responsibility(u.name, u.sector, u.leader,
                tasks.stream().filter(t -> t.leadUnit.equals(u.name)).map(TaskView.Ref::of).toList(),
                tasks.stream().filter(t -> t.coUnits.contains(u.name)).map(TaskView.Ref::of).toList())).toList());
    }
}
