package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.HibernateHints;

/**
 * What evaluation needs of a task's reports as of a date, read in three bounded queries for many tasks at once
 * instead of every report ever made: the latest report dated on or before the day (by as-of, then by when it was
 * made, so a correction wins), the first day each milestone was reported reached, and when the office last
 * received a report (business time, for timeliness by receipt). Each reads a row or a few per task through an index
 * (V29), however many reports the task has had: the set-wide forms read the whole table once a task list held a
 * hundred busy tasks (make bench, 2026-12-02: 131 ms → 13 ms a chunk of 100 tasks at 121,579 reports).
 *
 * @param latest            {@code null} when the task has no report dated by then
 * @param milestonesReached milestone name → the earliest as-of date of a report saying it was reached
 * @param lastReceivedAt    {@code null} when nothing was received by then
 */
public record ReportDigest(ProgressReport latest, Map<String, LocalDate> milestonesReached,
        OffsetDateTime lastReceivedAt) {

    public static final ReportDigest NONE = new ReportDigest(null, Map.of(), null);

    /** The digest of each of {@code taskIds} that has reports, as of the end of {@code today} and receipt by {@code at}. */
    public static Map<String, ReportDigest> of(Collection<String> taskIds, LocalDate today, OffsetDateTime at) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<ProgressReport> latest = em.createNativeQuery("""
                select p.* from task t cross join lateral (
                    select * from progress_report r where r.task_id = t.id and r.as_of <= :today
                    order by r.as_of desc, r.reported_at desc, r.report_id limit 1) p
                where t.id in (:ids)""", ProgressReport.class)
                .setParameter("ids", taskIds).setParameter("today", today)
                // read-only: evaluation never changes a report, and Hibernate then keeps no snapshot of its JSON columns
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reached = em.createNativeQuery("""
                select r.task_id, m.name, min(r.as_of) from progress_report r
                cross join lateral jsonb_array_elements_text(r.milestones_reached) as m(name)
                where r.task_id in (:ids) and r.as_of <= :today and r.milestones_reached <> cast('[]' as jsonb)
                group by r.task_id, m.name""")
                .setParameter("ids", taskIds).setParameter("today", today).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> received = em.createNativeQuery("""
                select t.id, (select max(r.received_at) from progress_report r where r.task_id = t.id and r.received_at <= :at)
                from task t where t.id in (:ids)""")
                .setParameter("ids", taskIds).setParameter("at", at).getResultList();
        Map<String, ProgressReport> latestByTask = new HashMap<>();
        latest.forEach(r -> latestByTask.put(r.taskId, r));
        Map<String, Map<String, LocalDate>> reachedByTask = new HashMap<>();
        reached.forEach(row -> reachedByTask.computeIfAbsent((String) row[0], id -> new HashMap<>())
                .put((String) row[1], toDate(row[2])));
        Map<String, OffsetDateTime> receivedByTask = new HashMap<>();
        received.stream().filter(row -> row[1] != null).forEach(row -> receivedByTask.put((String) row[0], toTime(row[1])));
        Map<String, ReportDigest> digests = new HashMap<>();
        for (String id : taskIds) {
            if (latestByTask.containsKey(id) || reachedByTask.containsKey(id) || receivedByTask.containsKey(id)) {
                digests.put(id, new ReportDigest(latestByTask.get(id), reachedByTask.getOrDefault(id, Map.of()),
                        receivedByTask.get(id)));
            }
        }
        return digests;
    }

    /**
     * For each of {@code taskIds} with a report not yet in view as of {@code today} and {@code at} (dated later, or
     * received later: the demo clock moved back), the first date one comes into view; evaluation must not wait past it.
     */
    public static Map<String, LocalDate> comingIntoView(Collection<String> taskIds, LocalDate today, OffsetDateTime at) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select t.id, least(
                    (select min(r.as_of) from progress_report r where r.task_id = t.id and r.as_of > :today),
                    (select (min(r.received_at) at time zone 'Asia/Shanghai')::date from progress_report r
                     where r.task_id = t.id and r.received_at > :at))
                from task t where t.id in (:ids)""")
                .setParameter("ids", taskIds).setParameter("today", today).setParameter("at", at).getResultList();
        Map<String, LocalDate> dates = new HashMap<>();
        rows.stream().filter(row -> row[1] != null).forEach(row -> dates.put((String) row[0], toDate(row[1])));
        return dates;
    }

    /**
     * The same digest from reports already read (newest first, as {@link ProgressReport#ofTasks} gives them), for
     * callers that judge one task on many days from one read (a bulletin's trend).
     */
    public static ReportDigest from(List<ProgressReport> newestFirst, LocalDate today, OffsetDateTime at) {
        List<ProgressReport> dated = newestFirst.stream().filter(r -> !r.asOf.isAfter(today)).toList();
        Map<String, LocalDate> reached = new HashMap<>();
        for (ProgressReport report : dated) {
            report.milestonesReached.forEach(m -> reached.merge(m, report.asOf, (a, b) -> a.isBefore(b) ? a : b));
        }
        OffsetDateTime received = newestFirst.stream().map(r -> r.receivedAt)
                .filter(t -> t != null && !t.isAfter(at)).max(OffsetDateTime::compareTo).orElse(null);
        return new ReportDigest(dated.isEmpty() ? null : dated.get(0), reached, received);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
