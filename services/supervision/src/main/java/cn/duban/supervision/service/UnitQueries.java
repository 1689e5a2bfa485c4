package cn.duban.supervision.service;

import cn.duban.platform.rest.Page;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.view.TaskView;
import cn.duban.supervision.view.UnitView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The unit directory, and each unit's responsibilities (the unit × task matrix). */
@ApplicationScoped
public class UnitQueries {

    @Inject
    SupervisionAccess access;

    public Page<UnitView> units() {
        return Page.all(Unit.<Unit>listAll(Sort.by("sector").and("name")).stream()
                .map(u -> new UnitView(u.name, u.sector, u.leader)).toList());
    }

    /** Narrowed for reporters as the task list is (SupervisionAccess#visibleUnits): units, and tasks it may read. */
    public Page<UnitView.Responsibility> responsibilities(String unit) {
        List<Unit> units = access.visibleUnits(unit);
        List<Task> tasks = tasksOf(units).stream().filter(access::mayRead).toList();
        return Page.all(units.stream().map(u -> new UnitView.Responsibility(u.name, u.sector, u.leader,
                tasks.stream().filter(t -> t.leadUnit.equals(u.name)).map(TaskView.Ref::of).toList(),
                tasks.stream().filter(t -> t.coUnits.contains(u.name)).map(TaskView.Ref::of).toList())).toList());
    }

    /**
     * Every task any of {@code units} leads or co-leads, and maybe others, in id order: one unit's (a unit reporter's,
     * or {@code ?unit=}) through its indexes rather than the whole ledger; the matrix of many units reads the ledger.
     */
    private static List<Task> tasksOf(List<Unit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return units.size() == 1 ? Task.ofUnit(units.get(0).name) : Task.listAll(Sort.by("id"));
    }
}
