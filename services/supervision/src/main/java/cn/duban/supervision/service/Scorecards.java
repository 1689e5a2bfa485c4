package cn.duban.supervision.service;

import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.engine.RankedUnit;
import cn.duban.supervision.engine.Ranking;
import cn.duban.supervision.engine.RuleSettings;
import cn.duban.supervision.engine.ScoreFormula;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TaskCounts;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.engine.UnitFacts;
import cn.duban.supervision.engine.WorkingCalendar;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.view.Scoreboard.Card;
import cn.duban.supervision.view.Scoreboard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Scores units and sectors from recorded facts only (task outcomes, reports, escalations), through the
 * engine's {@link ScoreFormula}; every score comes with the facts and terms it was computed from.
 *
 * <p>Reports due: one per led task per month whose report-due day (the rules' {@code reportDueDay}, the 25th by
 * default, moved to the next working day when it is a rest day) has come since the task's planned start, until the
 * task is completed; on time: a report by the unit received by the office (business clock) from the 1st of that month
 * to the end of that day, whatever its {@code asOf} (docs/calendar.md).
 */
@ApplicationScoped
public class Scorecards {
    @Inject
    RuleSettings settings;

    @Inject
    WorkingCalendar calendar;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager entityManager;

    private final ScoreFormula formula = ScoreFormula.withDefaults();

    /** What scoring needs of a task: no titles, texts, targets or milestones (a large ledger must fit in memory). */
    record ScoredTask(String id, String leadUnit, List<String> coUnits, TaskStatus status, LocalDate plannedStart,
            LocalDate deadline, Strength strength) {
    }

    /** What scoring needs of a report: who reported, and the day (Shanghai) the office received it. */
    record ReceivedReport(String unit, LocalDate receivedOn) {
    }

    record TaskReport(String taskId, String unit, OffsetDateTime receivedAt) {
    }

    public Scoreboard compute(String sector) {
        return compute(sector, null);
    }

    /**
     * The scoreboard of {@code sector} (null: the county), showing only {@code unit}'s card and its sector's when a
     * unit is given (a unit reporter sees its own place in the ranking, not the other units' facts).
     */
    public Scoreboard compute(String sector, String unit) {
        Map<String, Long> escalationsByTask = Alert.<Alert>list("escalationLevel >= 2").stream()
                .collect(Collectors.groupingBy(a -> a.taskId, Collectors.counting()));
        Scoreboard board = compute(sector, clock.now().toLocalDate(), scoredTasks(), escalationsByTask);
        if (unit == null) {
            return board;
        }
        List<Card> own = board.units().stream().filter(c -> c.name().equals(unit)).toList();
        List<String> ownSector = own.stream().map(Card::sector).toList();
        return new Scoreboard(board.asOf(), own, board.sectors().stream().filter(c -> ownSector.contains(c.name())).toList());
    }

    /**
     * The scoreboard as it stood at the end of {@code asOf}: each task's status then ({@link LedgerAsOf}) and the
     * escalations recorded by then, for the 督查通报 of a past period.
     */
    public Scoreboard computeAsOf(String sector, LocalDate asOf, Map<String, TaskStatus> statusThen,
            Map<String, Long> escalationsThen) {
        List<ScoredTask> tasks = scoredTasks().stream().map(t -> new ScoredTask(t.id(), t.leadUnit(), t.coUnits(),
                statusThen.getOrDefault(t.id(), TaskStatus.NOT_STARTED), t.plannedStart(), t.deadline(), t.strength()))
                .toList();
        return compute(sector, asOf, tasks, escalationsThen);
    }

    private List<ScoredTask> scoredTasks() {
        return entityManager.createQuery(
                "select t.id, t.leadUnit, t.coUnits, t.status, t.plannedStart, t.deadline, t.strength from Task t", ScoredTask.class)
                .getResultList();
    }

    private Scoreboard compute(String sector, LocalDate today, List<ScoredTask> tasks, Map<String, Long> escalationsByTask) {
        List<Unit> units = Unit.<Unit>listAll().stream().filter(u -> sector == null || sector.equals(u.sector)).toList();
        Map<String, List<ReceivedReport>> reports = new HashMap<>();
        entityManager.createQuery("select r.taskId, r.unit, r.receivedAt from ProgressReport r", TaskReport.class)
                .getResultList().forEach(r -> reports.computeIfAbsent(r.taskId(), k -> new ArrayList<>())
                        .add(new ReceivedReport(r.unit(), BusinessCalendar.dateOf(r.receivedAt().toInstant()))));

        // Each task filed under its units once: scanning the whole ledger for every unit is units × tasks.
        Map<String, List<ScoredTask>> ledBy = tasks.stream().collect(Collectors.groupingBy(ScoredTask::leadUnit));
        Map<String, List<ScoredTask>> coLedBy = new HashMap<>();
        tasks.forEach(t -> t.coUnits().forEach(u -> coLedBy.computeIfAbsent(u, k -> new ArrayList<>()).add(t)));

        List<UnitFacts> unitFacts = new ArrayList<>();
        for (Unit unit : units) {
            List<ScoredTask> led = ledBy.getOrDefault(unit.name, List.of());
            List<ScoredTask> coLed = coLedBy.getOrDefault(unit.name, List.of());
            int due = 0;
            int onTime = 0;
            for (ScoredTask task : led) {
                for (YearMonth month : dueMonths(task, today, settings.reportDueDay(), calendar)) {
                    due++;
                    if (reports.getOrDefault(task.id(), List.of()).stream()
                            .anyMatch(onTimeIn(month, unit.name, calendar.reportDue(month, settings.reportDueDay())))) {
                        onTime++;
                    }
                }
            }
            int escalations = led.stream().mapToInt(t -> escalationsByTask.getOrDefault(t.id(), 0L).intValue()).sum();
            unitFacts.add(new UnitFacts(unit.name, counts(led), counts(coLed), due, onTime, escalations));
        }
        Map<String, String> sectorOf = units.stream().collect(Collectors.toMap(u -> u.name, u -> u.sector));
        List<Card> unitCards = cards(Ranking.of(unitFacts, formula), unitFacts, sectorOf);

        Map<String, List<UnitFacts>> bySector = unitFacts.stream().collect(Collectors.groupingBy(f -> sectorOf.get(f.unit())));
        List<UnitFacts> sectorFacts = bySector.entrySet().stream().map(e -> sum(e.getKey(), e.getValue())).toList();
        Map<String, String> self = sectorFacts.stream().collect(Collectors.toMap(UnitFacts::unit, UnitFacts::unit));
        return new Scoreboard(today, unitCards, cards(Ranking.of(sectorFacts, formula), sectorFacts, self));
    }

    private static List<Card> cards(Ranking ranking, List<UnitFacts> facts, Map<String, String> sectorOf) {
        Map<String, UnitFacts> byName = facts.stream().collect(Collectors.toMap(UnitFacts::unit, f -> f));
        return ranking.entries().stream().map((RankedUnit r) -> new Card(r.rank(), r.unit(), sectorOf.get(r.unit()),
                byName.get(r.unit()), r.score().value(), r.score().terms())).toList();
    }

    /** Months whose report due day has come while the task was running. */
    static List<YearMonth> dueMonths(ScoredTask task, LocalDate today, int dueDay, WorkingCalendar calendar) {
        List<YearMonth> months = new ArrayList<>();
        boolean done = task.status() == TaskStatus.COMPLETED || task.status() == TaskStatus.COMPLETED_LATE;
        for (YearMonth m = YearMonth.from(task.plannedStart()); !calendar.reportDue(m, dueDay).isAfter(today)
                && !m.atDay(1).isAfter(task.deadline()); m = m.plusMonths(1)) {
            if (!done) {
                months.add(m);
            }
        }
        return months;
    }

    private static Predicate<ReceivedReport> onTimeIn(YearMonth month, String unit, LocalDate due) {
        return r -> unit.equals(r.unit()) && !r.receivedOn().isBefore(month.atDay(1)) && !r.receivedOn().isAfter(due);
    }

    private static TaskCounts counts(List<ScoredTask> tasks) {
        return new TaskCounts(tasks.size(),
                (int) tasks.stream().filter(t -> t.status() == TaskStatus.COMPLETED).count(),
                (int) tasks.stream().filter(t -> t.status() == TaskStatus.COMPLETED_LATE).count(),
                (int) tasks.stream().filter(t -> t.status() == TaskStatus.OVERDUE).count(),
                (int) tasks.stream().filter(t -> t.status() == TaskStatus.OVERDUE && t.strength() == Strength.STRIVE).count());
    }

    private static UnitFacts sum(String name, List<UnitFacts> facts) {
        return new UnitFacts(name, sumCounts(facts.stream().map(UnitFacts::led).toList()),
                sumCounts(facts.stream().map(UnitFacts::coLed).toList()),
                facts.stream().mapToInt(UnitFacts::reportsDue).sum(),
                facts.stream().mapToInt(UnitFacts::reportsOnTime).sum(),
                facts.stream().mapToInt(UnitFacts::escalations).sum());
    }

    private static TaskCounts sumCounts(List<TaskCounts> counts) {
        return new TaskCounts(counts.stream().mapToInt(TaskCounts::tasks).sum(),
                counts.stream().mapToInt(TaskCounts::completedOnTime).sum(),
                counts.stream().mapToInt(TaskCounts::completedLate).sum(),
                counts.stream().mapToInt(TaskCounts::openOverdue).sum(),
                counts.stream().mapToInt(TaskCounts::openOverdueStriving).sum());
    }
}
