package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.engine.Finding;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.MilestoneFacts;
import cn.duban.supervision.engine.TargetFacts;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.BulletinIssue;
import cn.duban.supervision.repository.Instruction;
import cn.duban.supervision.repository.Notice;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.service.LedgerAsOf.TaskState;
import cn.duban.supervision.view.Bulletin;
import cn.duban.supervision.view.BulletinPeriod;
import cn.duban.supervision.view.Scoreboard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Composes the 督查通报 of a period as of a day (docs/papers.md): totals by light and sector and their change since
 * the period before, the RED and the overdue tasks with days late, the tasks newly completed, the ranking with its
 * terms, the year's trend, the headline indicators against target, and the leaders' 批示 and the office's 通知单.
 */
@ApplicationScoped
public class Bulletins {
    private static final Logger LOG = Logger.getLogger(Bulletins.class);

    /** The report's headline indicators (主要经济指标): flagged so in the 2022 ledger (task kind INDICATOR later). */
    static final String INDICATOR_FLAG = "经济指标";

    @Inject
    LedgerAsOf ledger;

    @Inject
    Scorecards scorecards;

    @Inject
    BusinessClock clock;

    @Inject
    ObjectMapper mapper;

    /**
     * @param asOf the day whose end the bulletin states; by default the period's last day, or today while the
     *             period runs. It cannot lie after today (nothing is known of it) nor before the period begins.
     *             A week's bulletin for the day it was issued for is the one that went out (kept with its issue).
     */
    public Bulletin compose(String periodCode, LocalDate asOf) {
        BulletinPeriod period = BulletinPeriod.parse(periodCode);
        LocalDate today = clock.now().toLocalDate();
        LocalDate day = asOf != null ? asOf : period.last().isAfter(today) ? today : period.last();
        Optional<Bulletin> issued = issued(period, day);
        if (issued.isPresent()) {
            return issued.get();
        }
        if (day.isAfter(today)) {
            throw DubanException.invalidField("asOf", "%s 尚未到来（业务日期 %s），通报只能写已经发生的事",
                    "%s has not come yet (business date %s); a bulletin tells only what happened", day, today);
        }
        if (day.isBefore(period.first())) {
            throw DubanException.invalidField("asOf", "截至日期 %s 早于期间 %s 的开始（%s）",
                    "asOf %s is before period %s begins (%s)", day, period.code(), period.first());
        }
        LocalDate before = period.previous().last();
        List<LocalDate> trendDays = trendDays(day);
        Map<LocalDate, Day> days = ledger.summarised(Stream.of(day, before).distinct().toList(), Bulletins::digest);
        Day now = days.get(day);
        Day then = days.get(before);
        Map<LocalDate, Bulletin.TrendPoint> trend = ledger.summarised(trendDays, Bulletins::point);
        Scoreboard board = scorecards.computeAsOf(null, day, now.statuses, ledger.escalationsBy(day));
        OffsetDateTime end = LedgerAsOf.endOf(day).atZone(BusinessCalendar.ZONE).toOffsetDateTime();
        List<Bulletin.SectorLine> sectors = Arrays.stream(Sector.values())
                .map(sector -> new Bulletin.SectorLine(sector.id(), sector.label(), now.totals(sector.id()),
                        then.totals(sector.id())))
                .filter(line -> line.totals().tasks() > 0).toList();
        return new Bulletin(period, day, before, clock.now(), now.totals(null), then.totals(null), sectors,
                mostDaysLateFirst(now.red), mostDaysLateFirst(now.overdue),
                now.completed.stream().filter(done -> !then.completedIds.contains(done.id())).toList(),
                board.units(), board.sectors(), trendDays.stream().map(trend::get).toList(), now.indicators,
                instructions(end, day, period), notices(end, period));
    }

    /** The bulletin as it goes out, to keep with its issue: {@link #compose} answers with it from then on. */
    public String asIssued(Bulletin bulletin) {
        try {
            return mapper.writeValueAsString(bulletin);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin " + bulletin.period().code() + " cannot be written as JSON", e);
        }
    }

    /** The period's bulletin as issued for that day, if it went out and was kept. */
    private Optional<Bulletin> issued(BulletinPeriod period, LocalDate day) {
        BulletinIssue issue = BulletinIssue.findById(period.code());
        if (issue == null || issue.content == null || !issue.asOf.equals(day)) {
            return Optional.empty();
        }
        try {
            // generatedAt as written, in the county's offset, not moved to UTC
            return Optional.of(mapper.readerFor(Bulletin.class)
                    .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).readValue(issue.content));
        } catch (JsonProcessingException e) {
            // a bulletin kept by an older version that this one cannot read: composed again, as before it was kept
            LOG.warnf("bulletin %s as issued cannot be read (%s); composing it again", period.code(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * What a bulletin keeps of the ledger at the end of one day, gathered task by task: counts overall and by
     * sector, the RED and the overdue tasks, the completed ones, every task's status (for the ranking) and the
     * headline indicators — never the tasks themselves.
     */
    static final class Day {
        private final LocalDate day;
        private final Map<String, int[]> counts = new HashMap<>();
        final List<Bulletin.LateTask> red = new ArrayList<>();
        final List<Bulletin.LateTask> overdue = new ArrayList<>();
        final List<Bulletin.DoneTask> completed = new ArrayList<>();
        final Set<String> completedIds = new HashSet<>();
        final Map<String, TaskStatus> statuses = new HashMap<>();
        final List<Bulletin.IndicatorLine> indicators = new ArrayList<>();

        Day(LocalDate day) {
            this.day = day;
        }

        void add(TaskState s) {
            count(ALL, s);
            count(s.task().sector, s);
            Task t = s.task();
            if (s.light() == Light.RED) {
                red.add(lateTask(s, day));
            }
            if (s.status() == TaskStatus.OVERDUE) {
                overdue.add(lateTask(s, day));
            }
            if (s.completed()) {
                completed.add(new Bulletin.DoneTask(t.id, t.sector, t.title, t.leadUnit, t.deadline, s.status().name()));
                completedIds.add(t.id);
            }
            statuses.put(t.id, s.status());
            indicators.addAll(indicatorLines(s));
        }

        /** The totals of one sector, or of the whole ledger ({@code null}). */
        Bulletin.Totals totals(String sector) {
            int[] c = counts.getOrDefault(sector == null ? ALL : sector, new int[6]);
            return new Bulletin.Totals(c[0], c[1], c[2], c[3], c[4], c[5]);
        }

        private void count(String key, TaskState s) {
            int[] c = counts.computeIfAbsent(key, k -> new int[6]);
            c[0]++;
            c[1] += s.light() == Light.GREEN ? 1 : 0;
            c[2] += s.light() == Light.YELLOW ? 1 : 0;
            c[3] += s.light() == Light.RED ? 1 : 0;
            c[4] += s.status() == TaskStatus.OVERDUE ? 1 : 0;
            c[5] += s.completed() ? 1 : 0;
        }

        private static final String ALL = "";
    }

    static Collector<TaskState, Day, Day> digest(LocalDate day) {
        return Collector.of(() -> new Day(day), Day::add, (a, b) -> {
            throw new UnsupportedOperationException("a day is gathered in one pass");
        });
    }

    /** Each Sunday of the year up to {@code day}, then {@code day} itself. */
    static List<LocalDate> trendDays(LocalDate day) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate sunday = day.withDayOfYear(1);
        while (sunday.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
            sunday = sunday.plusDays(1);
        }
        for (; sunday.isBefore(day); sunday = sunday.plusWeeks(1)) {
            days.add(sunday);
        }
        days.add(day);
        return days;
    }

    /** Most days late first, then by id. */
    private static List<Bulletin.LateTask> mostDaysLateFirst(List<Bulletin.LateTask> late) {
        return late.stream().sorted(Comparator.comparingInt(Bulletin.LateTask::daysLate).reversed()
                .thenComparing(Bulletin.LateTask::id)).toList();
    }

    private static Bulletin.LateTask lateTask(TaskState s, LocalDate day) {
        Task t = s.task();
        return new Bulletin.LateTask(t.id, t.sector, t.title, t.leadUnit, t.coUnits, t.leader, t.deadline,
                s.status().name(), s.evaluation().percent(), daysLate(s, day),
                s.evaluation().findings().stream().filter(f -> f.light() == Light.RED).map(Finding::reason).toList());
    }

    /** Days past the deadline, or past the oldest milestone not reached; 0 when nothing is past due. */
    static int daysLate(TaskState s, LocalDate day) {
        LocalDate due = s.facts().deadline();
        for (MilestoneFacts m : s.facts().milestones()) {
            if (m.reachedOn() == null && m.due().isBefore(due)) {
                due = m.due();
            }
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(due, day));
    }

    /** A day's point of the year's trend: its tasks by light. */
    static Collector<TaskState, ?, Bulletin.TrendPoint> point(LocalDate day) {
        return Collectors.collectingAndThen(Collectors.groupingBy(TaskState::light, () -> new EnumMap<>(Light.class),
                Collectors.counting()), byLight -> new Bulletin.TrendPoint(day,
                byLight.getOrDefault(Light.GREEN, 0L).intValue(), byLight.getOrDefault(Light.YELLOW, 0L).intValue(),
                byLight.getOrDefault(Light.RED, 0L).intValue()));
    }

    public static boolean isHeadlineIndicator(Task task) {
        return task.flags != null && task.flags.contains(INDICATOR_FLAG);
    }

    /** The headline indicators of a day's ledger against target, task by task. */
    static Collector<TaskState, ?, List<Bulletin.IndicatorLine>> indicators(LocalDate day) {
        return Collectors.flatMapping(s -> indicatorLines(s).stream(), Collectors.toList());
    }

    private static List<Bulletin.IndicatorLine> indicatorLines(TaskState s) {
        if (!isHeadlineIndicator(s.task())) {
            return List.of();
        }
        List<Bulletin.IndicatorLine> lines = new ArrayList<>();
        for (TargetFacts target : s.facts().targets()) {
            lines.add(new Bulletin.IndicatorLine(s.task().id, s.task().title, target.metric(), target.unit(),
                    target.value(), target.reported(), target.completionPercent().setScale(0,
                    java.math.RoundingMode.HALF_UP).intValue(), s.light().name()));
        }
        return lines;
    }

    /** Every 批示 written by then and not answered before the period began, in the state it was in at the end. */
    private static List<Bulletin.InstructionLine> instructions(OffsetDateTime end, LocalDate day, BulletinPeriod period) {
        OffsetDateTime periodStart = LedgerAsOf.startOf(period.first());
        return Instruction.issuedBefore(end).stream()
                .filter(i -> !i.trail.answeredBefore(periodStart))
                .map(i -> {
                    boolean answered = i.trail.answeredAsOf(end);
                    boolean acknowledged = i.trail.receivedAsOf(end);
                    String state = answered ? Instruction.State.ANSWERED.name()
                            : acknowledged ? Instruction.State.ACKNOWLEDGED.name() : Instruction.State.ISSUED.name();
                    boolean overdue = !answered && i.dueOn.isBefore(day);
                    return new Bulletin.InstructionLine(i.id, i.taskId, Objects.requireNonNullElse(i.leaderPost, i.leader),
                            i.text, i.assignees, i.dueOn, state, overdue, answered ? i.trail.answer : null);
                }).toList();
    }

    /** Every 通知单 issued by then and not replied to before the period began, in the state it was in at the end. */
    private static List<Bulletin.NoticeLine> notices(OffsetDateTime end, BulletinPeriod period) {
        OffsetDateTime periodStart = LedgerAsOf.startOf(period.first());
        return Notice.issuedBefore(end).stream()
                .filter(n -> !n.trail.answeredBefore(periodStart))
                .map(n -> {
                    Notice.State state = n.trail.answeredAsOf(end) ? Notice.State.REPLIED
                            : n.escalatedAt != null && !n.escalatedAt.isAfter(end) ? Notice.State.OVERDUE
                            : n.trail.receivedAsOf(end) ? Notice.State.RECEIVED
                            : Notice.State.ISSUED;
                    return new Bulletin.NoticeLine(n.id, n.documentNumber(), n.taskId, n.units, n.late, n.replyBy,
                            state.name(), state == Notice.State.REPLIED ? n.trail.answer : null);
                }).toList();
    }
}
