package cn.duban.supervision.service;

import cn.duban.platform.rest.Page;
import cn.duban.platform.rest.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One table's listing in native SQL (a table with an {@code id} key): the conditions a filter adds, then one page of
 * the rows they match in a fixed order, with the matches counted up to {@link PageRequest#COUNT_UP_TO} (the count
 * stops there, so a listing of a million tasks costs what one of ten thousand does).
 */
final class Listing<E> {
    private final EntityManager entityManager;
    private final String table;
    private final Class<E> type;
    private final StringBuilder where = new StringBuilder(" where true");
    private final Map<String, Object> params = new HashMap<>();

    Listing(EntityManager entityManager, String table, Class<E> type) {
        this.entityManager = entityManager;
        this.table = table;
        this.type = type;
    }

    /** Adds a condition; its named parameters are given by {@link #with}. */
    Listing<E> and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    Listing<E> with(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** {@code column = :column} when a value is asked for, nothing when it is not. */
    Listing<E> equal(String column, Object value) {
        return value == null ? this : and(column + " = :" + column).with(column, value);
    }

    /** Every matching row in this order (the ledger export: unpaged). */
    List<E> all(String orderBy) {
        @SuppressWarnings("unchecked")
        List<E> rows = bind(entityManager.createNativeQuery("select * from " + table + where + " order by " + orderBy, type))
                .getResultList();
        return rows;
    }

    /** Where to go on from instead of a page number: a condition on the order's key naming {@code :after}. */
    record After(String condition, Object value) {
    }

    /**
     * The page asked for, counted over this listing's conditions; with {@code after} (or null) the rows following one
     * already read instead of a page number: as quick a thousand pages deep as on the first.
     */
    <V> Page<V> page(PageRequest page, String orderBy, After after, Function<List<E>, List<V>> view) {
        Query count = bind(entityManager.createNativeQuery(
                "select count(*) from (select 1 from " + table + where + " limit " + PageRequest.COUNT_UP_TO + ") matched"));
        // The page's ids first, then only their rows: the rows skipped to reach a page are read from an index
        // (index-only once vacuumed), not fetched whole (a task row is ~1 KB; 10,000 of them cost ~100 ms cold).
        Query select = bind(entityManager.createNativeQuery("select * from " + table + " where id in (select id from "
                + table + where + (after == null ? "" : " and " + after.condition()) + " order by " + orderBy
                + " limit :pageSize offset :skipped) order by " + orderBy, type));
        if (after != null) {
            select.setParameter("after", after.value());
        }
        select.setParameter("pageSize", page.size()).setParameter("skipped", after == null ? page.offset() : 0);
        @SuppressWarnings("unchecked")
        List<E> rows = select.getResultList();
        return Page.counted(view.apply(rows), ((Number) count.getSingleResult()).longValue());
    }

    private Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }
}
