package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.Bulletin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The office's board (views/board.js) from server-side aggregates: counts grouped in the database, the year's
 * weekly trend from {@link LedgerAsOf}, the ranking from {@link Scorecards}; the page never fetches every task.
 */
@ApplicationScoped
public class Board {
    /** The trend re-evaluates the ledger at every week's end; boards reload often and a minute-old trend will do. */
    private static final Duration TREND_KEPT = Duration.ofSeconds(60);

    @Inject
    EntityManager entityManager;

    @Inject
    LedgerAsOf ledger;

    @Inject
    Scorecards scorecards;

    @Inject
    Bulletins bulletins;

    @Inject
    BusinessClock clock;

    private volatile Trend trend;

    public record Counts(String key, String name, int total, int green, int yellow, int red, int overdue,
            int completed) {
    }

    public record LateTask(String id, String title, String sector, String leadUnit, LocalDate deadline, int percent,
            Light light) {
    }

    public record Ranked(int rank, String name, String sector, BigDecimal score) {
    }

    public record View(LocalDate asOf, Counts totals, List<Counts> sectors, List<Counts> units, List<LateTask> overdue,
            List<Bulletin.TrendPoint> trend, List<Ranked> ranking, List<Bulletin.IndicatorLine> indicators) {
    }

    private record Trend(LocalDate day, Instant madeAt, List<Bulletin.TrendPoint> points,
            List<Bulletin.IndicatorLine> indicators) {
    }

    public View view() {
        LocalDate today = clock.now().toLocalDate();
        List<Object[]> groups = entityManager.createQuery("""
                select t.sector, t.leadUnit, t.light, t.status, count(t) from Task t
                group by t.sector, t.leadUnit, t.light, t.status""", Object[].class).getResultList();
        Map<String, int[]> bySector = new LinkedHashMap<>();
        Map<String, int[]> byUnit = new LinkedHashMap<>();
        int[] all = new int[6];
        for (Object[] g : groups) {
            int n = ((Number) g[4]).intValue();
            for (int[] c : List.of(bySector.computeIfAbsent((String) g[0], k -> new int[6]),
                    byUnit.computeIfAbsent((String) g[1], k -> new int[6]), all)) {
                add(c, (Light) g[2], (TaskStatus) g[3], n);
            }
        }
        List<Counts> sectors = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            if (bySector.containsKey(sector.id())) {
                sectors.add(counts(sector.id(), sector.label(), bySector.get(sector.id())));
            }
        }
        List<Counts> units = byUnit.entrySet().stream().map(e -> counts(e.getKey(), e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Counts::red).reversed().thenComparing(Comparator.comparingInt(Counts::yellow)
                        .reversed()).thenComparing(Counts::name, java.text.Collator.getInstance(java.util.Locale.CHINA)))
                .toList();
        List<LateTask> overdue = Task.<Task>list("status = ?1 order by deadline, id", TaskStatus.OVERDUE).stream()
                .map(t -> new LateTask(t.id, t.title, t.sector, t.leadUnit, t.deadline, t.percent, t.light)).toList();
        List<Ranked> ranking = scorecards.compute(null).units().stream()
                .map(c -> new Ranked(c.rank(), c.name(), c.sector(), c.score())).toList();
        Trend year = trend(today);
        return new View(today, counts("all", "全部", all), sectors, units, overdue, year.points(), ranking,
                year.indicators());
    }

    private Trend trend(LocalDate today) {
        Trend kept = trend;
        if (kept != null && kept.day().equals(today) && kept.madeAt().plus(TREND_KEPT).isAfter(Instant.now())) {
            return kept;
        }
        List<LocalDate> days = Bulletins.trendDays(today);
        // Each Sunday's states are reduced to its point as they are judged: the ledger is never held whole.
        Map<LocalDate, Bulletin.TrendPoint> points = ledger.summarised(days, Bulletins::point);
        Trend made = new Trend(today, Instant.now(), days.stream().map(points::get).toList(),
                ledger.summarised(List.of(today), Bulletins::indicators).get(today));
        trend = made;
        return made;
    }

    private static void add(int[] c, Light light, TaskStatus status, int n) {
        c[0] += n;
        if (light != null) {
            c[1 + light.ordinal()] += n; // GREEN, YELLOW, RED in the columns 1 to 3
        }
        if (status == TaskStatus.OVERDUE) {
            c[4] += n;
        }
        if (status == TaskStatus.COMPLETED || status == TaskStatus.COMPLETED_LATE) {
            c[5] += n;
        }
    }

    private static Counts counts(String key, String name, int[] c) {
        return new Counts(key, name, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
