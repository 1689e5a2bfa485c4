package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.supervision.repository.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds alerts by task, alerted unit, sector, state, light and rule, newest first, a page at a time — all in SQL. */
@ApplicationScoped
public class AlertQueries {
    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    EntityManager entityManager;

    /** {@code sector} keeps the alerts of that sector's tasks (the sector's code is in every task id). */
    public record Filter(String taskId, String unit, String sector, String state, String light, String rule, int page,
            int size) {
    }

    public record Page(List<Alert> items, long total) {
    }

    public Page find(Filter filter) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        equal(where, params, "task_id", filter.taskId());
        equal(where, params, "state", filter.state());
        equal(where, params, "light", filter.light());
        equal(where, params, "rule", filter.rule());
        if (filter.sector() != null) {
            where.append(" and task_id like :sectorTasks");
            params.put("sectorTasks", "%-" + Sector.fromId(filter.sector()).orElseThrow().code() + "-%");
        }
        if (filter.unit() != null) {
            where.append(" and units @> jsonb_build_array(cast(:unit as text))");
            params.put("unit", filter.unit());
        }
        Query count = entityManager.createNativeQuery("select count(*) from alert" + where);
        Query select = entityManager.createNativeQuery("select * from alert" + where + " order by raised_at desc, id",
                Alert.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        // Out-of-range page numbers and sizes are clamped, as they always were, rather than refused.
        int size = Math.max(filter.size(), 1);
        select.setFirstResult(Math.max(filter.page(), 0) * size).setMaxResults(Math.min(size, MAX_PAGE_SIZE));
        @SuppressWarnings("unchecked")
        List<Alert> items = select.getResultList();
        return new Page(items, ((Number) count.getSingleResult()).longValue());
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }
}
