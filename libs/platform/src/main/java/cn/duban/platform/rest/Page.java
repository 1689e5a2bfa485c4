package cn.duban.platform.rest;

import java.util.List;

/**
 * One page of a listing, as every Duban API answers a list: the items and how many match in all. A listing is counted
 * up to {@value PageRequest#WINDOW} matches: past that {@code total} is that number and {@code totalExact} false (an
 * exact count of a million tasks is a full scan of the table, seconds long; docs/api.md).
 */
public record Page<T>(List<T> items, long total, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total was counted to the end. */
    public Page(List<T> items, long total) {
        this(items, total, true);
    }

    /** A page whose matches were counted up to one past the window ({@link PageRequest#COUNT_UP_TO}). */
    public static <T> Page<T> counted(List<T> items, long countedUpTo) {
        return countedUpTo > PageRequest.WINDOW ? new Page<>(items, PageRequest.WINDOW, false)
                : new Page<>(items, countedUpTo, true);
    }

    /** A listing that is never paged (it is small by nature, e.g. the unit directory): all of it, counted. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, items.size());
    }
}
