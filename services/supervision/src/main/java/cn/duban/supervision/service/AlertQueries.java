package cn.duban.supervision.service;

import cn.duban.events.Sector;
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
import jakarta.persistence.Query;
import java.util.HashMap;
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
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        equal(where, params, "task_id", filter.taskId());
        equal(where, params, "state", name(Filters.oneOf("state", filter.state(), AlertState.class)));
        equal(where, params, "light", name(Filters.oneOf("light", filter.light(), Light.class)));
        equal(where, params, "rule", name(Filters.oneOf("rule", filter.rule(), RuleId.class)));
        if (sector != null) {
            // the sector's code is in every task id
            where.append(" and task_id like :sectorTasks");
            params.put("sectorTasks", "%-" + Sector.fromId(sector).orElseThrow().code() + "-%");
        }
        if (unit != null) {
            where.append(" and units @> jsonb_build_array(cast(:unit as text))");
            params.put("unit", unit);
        }
        Query count = entityManager.createNativeQuery("select count(*) from alert" + where);
        Query select = entityManager.createNativeQuery("select * from alert" + where + " order by raised_at desc, id",
                Alert.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        select.setFirstResult(page.offset()).setMaxResults(page.size());
        @SuppressWarnings("unchecked")
        List<Alert> alerts = select.getResultList();
        Map<String, Task> tasks = alerts.isEmpty() ? Map.of()
                : Task.<Task>list("id in ?1", alerts.stream().map(a -> a.taskId).distinct().toList()).stream()
                        .collect(Collectors.toMap(t -> t.id, Function.identity()));
        return new Page<>(alerts.stream().map(a -> AlertView.of(a, access.mayAcknowledge(a, tasks.get(a.taskId))))
                .toList(), ((Number) count.getSingleResult()).longValue());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }
}
