package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.draft.DraftMilestone;
import cn.duban.supervision.draft.DraftTarget;
import cn.duban.supervision.draft.DraftTask;
import cn.duban.supervision.draft.LeadUnits;
import cn.duban.supervision.draft.Proposed;
import cn.duban.supervision.draft.ReportDraft;
import cn.duban.supervision.draft.ReportDrafter;
import cn.duban.supervision.draft.ReportFiles;
import cn.duban.supervision.draft.ReviewState;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.LedgerReader;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.UnitDirectory;
import cn.duban.supervision.repository.LedgerDraft;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.view.DraftView;
import cn.duban.text.Text;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Draft ledgers (docs/drafts.md): a report becomes a draft (ReportDrafter); the office reviews it — accepts, edits,
 * merges, splits, rejects tasks — and publishes the accepted tasks through the ordinary all-or-nothing import
 * (LedgerImport), in the same transaction that marks the draft published.
 */
@ApplicationScoped
public class LedgerDrafts {
    static final Set<String> FLAGS = Set.of("民生实事", "重点项目", "经济指标");

    @Inject
    LedgerImport ledgerImport;

    @Inject
    BusinessClock clock;

    private final UnitDirectory units = LedgerReader.units(LedgerReader.resource("ledger/units.json"));
    private final ReportDrafter drafter = new ReportDrafter(LeadUnits.fromResources(units));

    /** A field the office changes; null leaves it as it is. */
    public record TaskEdit(String title, String sector, String kind, String strength, String leadUnit, String deadline,
            List<TargetEdit> targets, List<MilestoneEdit> milestones, List<String> flags) {
    }

    public record TargetEdit(String metric, String unit, BigDecimal value, String type, String strength) {
    }

    public record MilestoneEdit(String name, String due) {
    }

    /** What publishing did: the import's counts and the ledger id each draft task was given. */
    public record Published(LedgerImport.Result result, Map<String, String> ids) {
    }

    /** A report file as uploaded: plain text (UTF-8), .docx or PDF, read into text and drafted. */
    @Transactional
    public DraftView create(byte[] file, String mediaType, String sourceName, Integer year, String actor) {
        String report;
        try {
            report = switch (mediaType) {
                case ReportFiles.DOCX -> ReportFiles.docx(file);
                case ReportFiles.PDF -> ReportFiles.pdf(file);
                default -> ReportFiles.text(file);
            };
        } catch (ReportFiles.UnreadableReport e) {
            throw DubanException.refused(400, "unreadable-report", Text.of("报告无法读取", "Report unreadable"),
                    Text.of("%1$s；没有生成草稿", "%2$s; no draft was made", e.zh(), e.getMessage()));
        }
        return create(report, sourceName, year, actor);
    }

    /** Pasted text, drafted as it is (line ends made \n). */
    @Transactional
    public DraftView create(String pasted, String sourceName, Integer year, String actor) {
        String report = pasted == null ? null : ReportFiles.normalise(pasted);
        if (report == null || report.isBlank()) {
            throw DubanException.invalidField("report", "报告内容为空", "the report is empty");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw DubanException.invalidField("year", "年份须在 2000 至 2100 之间", "year must be 2000 to 2100");
        }
        ReportDraft draft = drafter.draft(report, year);
        if (draft.tasks().isEmpty()) {
            throw DubanException.invalidField("report", "报告中没有找到工作安排或可分解的任务",
                    "no work plan or commitments were found in the report");
        }
        LedgerDraft entity = new LedgerDraft();
        entity.id = UUID.randomUUID().toString();
        entity.year = draft.year();
        entity.yearFound = draft.yearFound();
        entity.sourceName = sourceName == null || sourceName.isBlank() ? "粘贴的报告" : sourceName.strip();
        entity.report = report;
        entity.tasks = draft.tasks();
        entity.state = LedgerDraft.State.OPEN;
        entity.createdAt = clock.now();
        entity.createdBy = actor;
        entity.updatedAt = entity.createdAt;
        entity.persist();
        return DraftView.of(entity);
    }

    @Transactional
    public DraftView view(String id) {
        return DraftView.of(find(id));
    }

    private static LedgerDraft find(String id) {
        LedgerDraft draft = LedgerDraft.findById(id);
        if (draft == null) {
            throw DubanException.notFound("没有草稿 %s", "no draft %s", id);
        }
        return draft;
    }

    @Transactional
    public List<DraftView.Summary> list() {
        return LedgerDraft.<LedgerDraft>list("order by createdAt desc").stream().map(DraftView.Summary::of).toList();
    }

    @Transactional
    public DraftTask accept(String id, String key) {
        LedgerDraft draft = open(id);
        return replace(draft, key, task(draft, key).accepted());
    }

    /** Accepts the given tasks, or every task still proposed if none are given. */
    @Transactional
    public DraftView acceptAll(String id, List<String> keys) {
        LedgerDraft draft = open(id);
        Set<String> chosen = keys == null || keys.isEmpty() ? null : new HashSet<>(keys);
        if (chosen != null) {
            chosen.forEach(k -> task(draft, k));
        }
        draft.tasks = draft.tasks.stream().map(t -> (chosen == null ? t.state() == ReviewState.PROPOSED
                : chosen.contains(t.key())) ? t.accepted() : t).toList();
        draft.updatedAt = clock.now();
        return DraftView.of(draft);
    }

    @Transactional
    public DraftTask reject(String id, String key) {
        LedgerDraft draft = open(id);
        return replace(draft, key, task(draft, key).withState(ReviewState.REJECTED));
    }

    @Transactional
    public DraftTask edit(String id, String key, TaskEdit edit) {
        LedgerDraft draft = open(id);
        DraftTask t = task(draft, key);
        if (edit == null) {
            throw DubanException.invalid("请求体为空", "the body is empty");
        }
        List<BadField> bad = new ArrayList<>();
        var title = edit.title() == null ? t.title() : text(edit.title(), "title", 30, bad);
        var sector = edit.sector() == null ? t.sector() : sector(edit.sector(), bad);
        var kind = edit.kind() == null ? t.kind() : named(TaskKind.class, edit.kind(), "kind", bad);
        var strength = edit.strength() == null ? t.strength()
                : edit.strength().isBlank() ? null : named(Strength.class, edit.strength(), "strength", bad);
        var lead = edit.leadUnit() == null ? t.leadUnit() : unit(edit.leadUnit(), bad);
        var deadline = edit.deadline() == null ? t.deadline() : date(edit.deadline(), "deadline", draft.year, bad);
        List<DraftTarget> targets = edit.targets() == null ? t.targets() : targets(edit.targets(), bad);
        List<DraftMilestone> milestones = edit.milestones() == null ? t.milestones()
                : milestones(edit.milestones(), draft.year, bad);
        List<String> flags = edit.flags() == null ? t.flags() : flags(edit.flags(), bad);
        if (!bad.isEmpty()) {
            throw DubanException.invalidFields(bad);
        }
        DraftTask edited = new DraftTask(t.key(), t.state(), t.start(), t.end(), t.text(), t.section(), sector, title,
                kind, strength, targets, deadline, milestones, lead, flags);
        return replace(draft, key, edited);
    }

    /** The tasks become one, drafted again from the words from the first one's start to the last one's end. */
    @Transactional
    public DraftTask merge(String id, List<String> keys) {
        LedgerDraft draft = open(id);
        if (keys == null || new HashSet<>(keys).size() < 2) {
            throw DubanException.invalidField("keys", "至少选择两项任务才能合并", "choose at least two tasks to merge");
        }
        List<DraftTask> chosen = keys.stream().distinct().map(k -> task(draft, k))
                .sorted(Comparator.comparingInt(DraftTask::start)).toList();
        DraftTask first = chosen.get(0);
        int end = chosen.stream().mapToInt(DraftTask::end).max().orElseThrow();
        DraftTask merged = drafter.redraft(draft.report, draft.year, first, first.start(), end);
        Set<String> gone = chosen.stream().map(DraftTask::key).collect(Collectors.toSet());
        List<DraftTask> tasks = new ArrayList<>();
        for (DraftTask t : draft.tasks) {
            if (t.key().equals(first.key())) {
                tasks.add(merged);
            } else if (!gone.contains(t.key())) {
                tasks.add(t);
            }
        }
        draft.tasks = tasks;
        draft.updatedAt = clock.now();
        return merged;
    }

    /** The task becomes two at {@code at} (an offset in the report, inside the task's words), each drafted again. */
    @Transactional
    public List<DraftTask> split(String id, String key, Integer at) {
        LedgerDraft draft = open(id);
        DraftTask t = task(draft, key);
        if (at == null || at <= t.start() || at >= t.end()) {
            throw DubanException.invalidField("at", "拆分位置须在该任务原文之内（%s 至 %s 之间）",
                    "the split must fall inside the task's words (between %s and %s)", t.start() + 1, t.end() - 1);
        }
        int firstEnd = trimEnd(draft.report, t.start(), at);
        int secondStart = trimStart(draft.report, at, t.end());
        if (firstEnd <= t.start() || secondStart >= t.end()) {
            throw DubanException.invalidField("at", "拆分后有一部分没有文字", "one part of the split would hold no words");
        }
        DraftTask first = drafter.redraft(draft.report, draft.year, t, t.start(), firstEnd);
        DraftTask second = drafter.redraft(draft.report, draft.year, t, secondStart, t.end()).withKey(nextKey(draft));
        List<DraftTask> tasks = new ArrayList<>();
        for (DraftTask x : draft.tasks) {
            if (x.key().equals(key)) {
                tasks.add(first);
                tasks.add(second);
            } else {
                tasks.add(x);
            }
        }
        draft.tasks = tasks;
        draft.updatedAt = clock.now();
        return List.of(first, second);
    }

    /**
     * Publishes the accepted tasks through the ordinary import, all or nothing; refused while any task is still only
     * proposed, or when nothing is accepted. The ledger ids are given and kept with the draft (state PUBLISHING)
     * before the import runs in its own transaction, as the import must be a transaction's entry: a publish
     * interrupted after the import is finished by publishing again with the same ids (unchanged tasks publish
     * nothing), never by giving new ones.
     */
    public Published publish(String id, String actor) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(id));
        LedgerImport.Result result;
        try {
            result = ledgerImport.importLedger(plan.ledger(), units, actor);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> reopen(id));
            if (e instanceof LedgerException refused) {
                throw DubanException.invalidFields(refused.errors().stream().map(r -> badField(r, plan.accepted()))
                        .toList());
            }
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> published(id, actor));
        return new Published(result, plan.ids());
    }

    private record Plan(LedgerFile ledger, List<DraftTask> accepted, Map<String, String> ids) {
    }

    private Plan plan(String id) {
        LedgerDraft draft = find(id);
        if (draft.state == LedgerDraft.State.PUBLISHED) {
            throw published(draft);
        }
        long proposed = draft.tasks.stream().filter(t -> t.state() == ReviewState.PROPOSED).count();
        if (proposed > 0) {
            throw DubanException.refused(409, "draft-not-reviewed", Text.of("草稿尚未审完", "Draft not fully reviewed"),
                    Text.of("还有 %s 项任务待审（接受或不采纳）后才能发布", "%s task(s) still to accept or reject before publishing",
                            proposed));
        }
        List<DraftTask> accepted = draft.tasks.stream().filter(t -> t.state() == ReviewState.ACCEPTED).toList();
        if (accepted.isEmpty()) {
            throw DubanException.refused(409, "draft-empty", Text.of("没有可发布的任务", "Nothing to publish"),
                    Text.of("草稿中没有已接受的任务", "the draft has no accepted task"));
        }
        Map<String, String> ids = draft.state == LedgerDraft.State.PUBLISHING && draft.published != null
                ? draft.published : DraftLedgerMapping.ids(accepted, draft.year, highestTaken(draft.year));
        var json = DraftLedgerMapping.ledger(draft.year, draft.sourceName, accepted, ids, directory());
        LedgerFile ledger;
        try {
            ledger = LedgerReader.ledger(json);
        } catch (LedgerException e) {
            throw DubanException.invalidFields(e.errors().stream().map(r -> badField(r, accepted)).toList());
        }
        draft.state = LedgerDraft.State.PUBLISHING;
        draft.published = ids;
        draft.updatedAt = clock.now();
        return new Plan(ledger, accepted, ids);
    }

    private void reopen(String id) {
        LedgerDraft draft = find(id);
        draft.state = LedgerDraft.State.OPEN;
        draft.published = null;
    }

    private void published(String id, String actor) {
        LedgerDraft draft = find(id);
        draft.state = LedgerDraft.State.PUBLISHED;
        draft.publishedAt = clock.now();
        draft.publishedBy = actor;
        draft.updatedAt = draft.publishedAt;
    }

    /** A refusal of the import, named by the draft task it concerns rather than its place in the ledger file. */
    private static BadField badField(LedgerException.RowError error, List<DraftTask> accepted) {
        var place = error.place();
        if (place == null || place.task() == null || place.task() >= accepted.size()) {
            return new BadField(error.row().zh(), error.message());
        }
        DraftTask t = accepted.get(place.task());
        return BadField.of(t.key() + "." + place.field() + place.within(), "%s（%s）", "%s (%s)", error.message(),
                t.title().value());
    }

    /** The highest task number the year already has in each sector, so a draft never overwrites a published task. */
    private static Map<Sector, Integer> highestTaken(int year) {
        Map<Sector, Integer> highest = new EnumMap<>(Sector.class);
        List<String> ids = Task.getEntityManager()
                .createQuery("select t.id from Task t where t.year = :year", String.class)
                .setParameter("year", year).getResultList();
        for (String taskId : ids) {
            String[] parts = taskId.split("-");
            Sector.ofTaskId(taskId).ifPresent(s -> {
                try {
                    highest.merge(s, Integer.parseInt(parts[2]), Math::max);
                } catch (NumberFormatException e) {
                    // not one of ours; it cannot collide with a number we give
                }
            });
        }
        return highest;
    }

    /** units.json and every unit supervision already knows (a unit imported earlier may lead a task too). */
    private UnitDirectory directory() {
        Map<String, UnitDirectory.Entry> all = new LinkedHashMap<>();
        Unit.<Unit>listAll().forEach(u -> all.put(u.name, new UnitDirectory.Entry(u.name, u.sector, u.leader)));
        units.units().forEach(u -> all.put(u.name(), u));
        return new UnitDirectory(List.copyOf(all.values()));
    }

    private LedgerDraft open(String id) {
        LedgerDraft draft = find(id);
        if (draft.state == LedgerDraft.State.PUBLISHED) {
            throw published(draft);
        }
        if (draft.state == LedgerDraft.State.PUBLISHING) {
            throw DubanException.conflict("草稿 %s 正在发布，不能修改；如发布中断，请再次发布",
                    "draft %s is being published and cannot change; if publishing was interrupted, publish again", id);
        }
        return draft;
    }

    private static DubanException published(LedgerDraft draft) {
        return DubanException.conflict("草稿 %s 已于 %s 发布，不能再修改", "draft %s was published on %s and cannot change",
                draft.id, draft.publishedAt.toLocalDate());
    }

    private static DraftTask task(LedgerDraft draft, String key) {
        return draft.tasks.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> DubanException.notFound("草稿中没有任务 %s", "the draft has no task %s", key));
    }

    private DraftTask replace(LedgerDraft draft, String key, DraftTask task) {
        draft.tasks = draft.tasks.stream().map(t -> t.key().equals(key) ? task : t).toList();
        draft.updatedAt = clock.now();
        return task;
    }

    private static String nextKey(LedgerDraft draft) {
        int max = draft.tasks.stream().map(t -> t.key().substring(1)).mapToInt(Integer::parseInt).max().orElse(0);
        return "d%03d".formatted(max + 1);
    }

    private static int trimEnd(String report, int start, int end) {
        while (end > start && separator(report.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int trimStart(String report, int start, int end) {
        while (start < end && separator(report.charAt(start))) {
            start++;
        }
        return start;
    }

    private static boolean separator(char c) {
        return Character.isWhitespace(c) || ",，;；。、:：".indexOf(c) >= 0;
    }

    private static Proposed<String> text(String value, String field, int max, List<BadField> bad) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > max) {
            bad.add(BadField.of(field, "须为 1 至 %s 个字", "must be 1 to %s characters", max));
        }
        return Proposed.edited(v);
    }

    private static Proposed<String> sector(String value, List<BadField> bad) {
        if (Sector.fromId(value).isEmpty()) {
            bad.add(BadField.of("sector", "未知领域 %s", "unknown sector %s", value));
        }
        return Proposed.edited(value);
    }

    private <E extends Enum<E>> Proposed<E> named(Class<E> type, String value, String field, List<BadField> bad) {
        E found = parse(type, value);
        if (found == null) {
            bad.add(BadField.of(field, "须为 %s 之一", "must be one of %s", Arrays.toString(type.getEnumConstants())));
        }
        return Proposed.edited(found);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Stream.of(type.getEnumConstants()).filter(e -> e.name().equals(value.strip()))
                .findFirst().orElse(null);
    }

    private Proposed<String> unit(String value, List<BadField> bad) {
        if (directory().units().stream().noneMatch(u -> u.name().equals(value))) {
            bad.add(BadField.of("leadUnit", "单位目录中没有 %s", "%s is not in the unit directory", value));
        }
        return Proposed.edited(value);
    }

    private static Proposed<LocalDate> date(String value, String field, int year, List<BadField> bad) {
        LocalDate d = parseDate(value, field, year, bad);
        return Proposed.edited(d);
    }

    private static LocalDate parseDate(String value, String field, int year, List<BadField> bad) {
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < year) {
                bad.add(BadField.of(field, "%s 早于报告年度 %s 年", "%s is before the report's year %s", value, year));
            }
            return d;
        } catch (DateTimeParseException e) {
            bad.add(BadField.of(field, "“%s”不是日期（YYYY-MM-DD）", "'%s' is not a date (YYYY-MM-DD)", value));
            return null;
        }
    }

    private List<DraftTarget> targets(List<TargetEdit> edits, List<BadField> bad) {
        List<DraftTarget> out = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            TargetEdit e = edits.get(i);
            String at = "targets[" + i + "]";
            if (e == null || e.metric() == null || e.metric().isBlank()) {
                bad.add(BadField.of(at + ".metric", "指标名称不能为空", "the metric is missing"));
                continue;
            }
            if (e.unit() == null || e.unit().isBlank()) {
                bad.add(BadField.of(at + ".unit", "计量单位不能为空", "the unit is missing"));
            }
            if (e.value() == null || e.value().signum() <= 0) {
                bad.add(BadField.of(at + ".value", "目标值须大于 0", "the value must be greater than 0"));
            }
            if ("投资".equals(e.metric().strip()) && !"万元".equals(e.unit())) {
                bad.add(BadField.of(at + ".unit", "投资以万元计", "investment is in 万元"));
            }
            TargetType type = e.type() == null || e.type().isBlank() ? TargetType.AMOUNT : parse(TargetType.class, e.type());
            if (type == null) {
                bad.add(BadField.of(at + ".type", "须为 %s 之一", "must be one of %s",
                        Arrays.toString(TargetType.values())));
            }
            Strength strength = e.strength() == null || e.strength().isBlank() ? null : parse(Strength.class, e.strength());
            if (strength == null && e.strength() != null && !e.strength().isBlank()) {
                bad.add(BadField.of(at + ".strength", "须为 MUST 或 STRIVE", "must be MUST or STRIVE"));
            }
            out.add(new DraftTarget(e.metric().strip(), e.unit() == null ? "" : e.unit().strip(), e.value(), type,
                    strength, null, false, cn.duban.supervision.draft.Provenance.confirmedByOffice()));
        }
        return out;
    }

    private static List<DraftMilestone> milestones(List<MilestoneEdit> edits, int year, List<BadField> bad) {
        List<DraftMilestone> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < edits.size(); i++) {
            MilestoneEdit e = edits.get(i);
            String at = "milestones[" + i + "]";
            if (e == null || e.name() == null || e.name().isBlank()) {
                bad.add(BadField.of(at + ".name", "节点名称不能为空", "the milestone's name is missing"));
                continue;
            }
            if (!names.add(e.name().strip())) {
                bad.add(BadField.of(at + ".name", "节点“%s”重复", "milestone '%s' appears twice", e.name()));
            }
            LocalDate due = e.due() == null ? null : parseDate(e.due(), at + ".due", year, bad);
            if (e.due() == null) {
                bad.add(BadField.of(at + ".due", "节点日期不能为空", "the milestone's date is missing"));
            }
            out.add(new DraftMilestone(e.name().strip(), due, false,
                    cn.duban.supervision.draft.Provenance.confirmedByOffice()));
        }
        return out;
    }

    private static List<String> flags(List<String> flags, List<BadField> bad) {
        for (String f : flags) {
            if (!FLAGS.contains(f)) {
                bad.add(BadField.of("flags", "未知标识 %s（可用：民生实事、重点项目、经济指标）",
                        "unknown flag %s (民生实事, 重点项目, 经济指标)", f));
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(flags));
    }
}
