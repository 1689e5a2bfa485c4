package cn.duban.platform.rest;

import java.util.List;

/** One page of a listing, as every Duban API answers a list: the items and how many match in all. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** A listing that is never paged (it is small by nature, e.g. the unit directory): all of it, counted. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, items.size());
    }
}
