package cn.duban.supervision.service;

import cn.duban.platform.rest.Page;
import cn.duban.platform.rest.PageRequest;
import cn.duban.supervision.engine.AlertState;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.RuleId;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.AlertFilter;
import cn.duban.supervision.view.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds alerts by task, alerted unit, state, light and rule, newest first, a page at a time — all in SQL — narrowed
 * to what the caller may see (a unit reporter its unit's, a sector reporter its sector's tasks').
 */
@ApplicationScoped
public class AlertQueries {
    @Inject
    EntityManager entityManager;

    @Inject
    SupervisionAccess access;

    public Page<AlertView> page(AlertFilter filter, PageRequest page) {
        String unit = access.unitFilter(filter.unit());
        String sector = access.sectorFilter(null);
        Listing<Alert> listing = new Listing<>(entityManager, "alert", Alert.class).equal("task_id", filter.taskId())
                .equal("state", Filters.nameOf("state", filter.state(), AlertState.class))
                .equal("light", Filters.nameOf("light", filter.light(), Light.class))
                .equal("rule", Filters.nameOf("rule", filter.rule(), RuleId.class));
        if (sector != null) {
            // the tasks of the sector, from task_sector_id_idx (no index serves a pattern inside the id)
            listing.and("task_id in (select t.id from task t where t.sector = :sector)").with("sector", sector);
        }
        if (unit != null) {
            listing.and("units @> jsonb_build_array(cast(:unit as text))").with("unit", unit);
        }
        return listing.page(page, "raised_at desc, id", null, this::views);
    }

    /** The alerts as the caller sees them, with whether the caller may acknowledge each (its task decides). */
    private List<AlertView> views(List<Alert> alerts) {
        Map<String, Task> tasks = alerts.isEmpty() ? Map.of()
                : Task.<Task>list("id in ?1", alerts.stream().map(a -> a.taskId).distinct().toList()).stream()
                        .collect(Collectors.toMap(t -> t.id, Function.identity()));
        return alerts.stream().map(a -> AlertView.of(a, access.mayAcknowledge(a, tasks.get(a.taskId)))).toList();
    }
}
