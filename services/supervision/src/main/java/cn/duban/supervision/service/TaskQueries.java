package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds tasks by sector, unit (lead or co-unit), status, light and free text in title and original text. */
@ApplicationScoped
public class TaskQueries {
    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    EntityManager entityManager;

    public record Filter(String sector, String unit, String status, String light, String q, int page, int size) {
    }

    public record Page(List<Task> items, long total) {
    }

    public Page find(Filter filter) {
        check(filter);
        Where where = where(filter);
        Query count = where.bind(entityManager.createNativeQuery("select count(*) from task" + where.sql));
        Query select = where.bind(entityManager.createNativeQuery("select * from task" + where.sql + " order by id", Task.class));
        select.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size());
        @SuppressWarnings("unchecked")
        List<Task> items = select.getResultList();
        return new Page(items, ((Number) count.getSingleResult()).longValue());
    }

    /** Every task the filter matches, in id order, without paging (the ledger export); page and size are ignored. */
    public List<Task> all(Filter filter) {
        check(new Filter(filter.sector(), filter.unit(), filter.status(), filter.light(), filter.q(), 0, 1));
        Where where = where(filter);
        @SuppressWarnings("unchecked")
        List<Task> items = where.bind(entityManager.createNativeQuery("select * from task" + where.sql + " order by id",
                Task.class)).getResultList();
        return items;
    }

    private record Where(String sql, Map<String, Object> params) {
        Query bind(Query query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    private static Where where(Filter filter) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.sector() != null) {
            where.append(" and sector = :sector");
            params.put("sector", filter.sector());
        }
        if (filter.unit() != null) {
            where.append(" and (lead_unit = :unit or co_units @> jsonb_build_array(cast(:unit as text)))");
            params.put("unit", filter.unit());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.light() != null) {
            where.append(" and light = :light");
            params.put("light", filter.light());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (title ilike :q escape '\\' or text ilike :q escape '\\')");
            params.put("q", "%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(where.toString(), params);
    }

    private static void check(Filter filter) {
        if (filter.page() < 0) {
            throw DubanException.invalidField("page", "页码从 0 开始,不能为负", "must be 0 or more (pages count from 0)");
        }
        if (filter.size() < 1 || filter.size() > MAX_PAGE_SIZE) {
            throw DubanException.invalidField("size", "每页条数应在 1 到 %s 之间", "must be between 1 and %s", MAX_PAGE_SIZE);
        }
        if (filter.sector() != null && Sector.fromId(filter.sector()).isEmpty()) {
            throw DubanException.invalidField("sector", "领域应为 %s 之一", "must be one of %s", Arrays.stream(Sector.values()).map(Sector::id).toList());
        }
        if (filter.status() != null && Arrays.stream(TaskStatus.values()).noneMatch(s -> s.name().equals(filter.status()))) {
            throw DubanException.invalidField("status", "状态应为 %s 之一", "must be one of %s", Arrays.toString(TaskStatus.values()));
        }
        if (filter.light() != null && Arrays.stream(Light.values()).noneMatch(l -> l.name().equals(filter.light()))) {
            throw DubanException.invalidField("light", "亮灯应为 %s 之一", "must be one of %s", Arrays.toString(Light.values()));
        }
    }
}
