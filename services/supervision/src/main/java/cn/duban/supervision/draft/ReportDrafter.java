package cn.duban.supervision.draft;

import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.Strength;
import cn.duban.events.Sector;
import cn.duban.supervision.draft.Commitments.Commitment;
import cn.duban.supervision.draft.Commitments.Origin;
import cn.duban.supervision.draft.DueDates.DatePhrase;
import cn.duban.supervision.draft.DueDates.Step;
import cn.duban.supervision.draft.Indicators.Indicator;
import cn.duban.supervision.draft.ReportOutline.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a government work report into a draft ledger (任务分解): finds the plan (ReportOutline), splits it into
 * commitments (Commitments), and drafts each one's sector, title, kind, targets (Targets), deadline and milestones
 * (DueDates), strength and lead unit (LeadUnits); the main indicators get their baselines from the review of last
 * year. Every field is proposed and carries the words it came from. Plain Java and HanLP: no framework.
 */
public final class ReportDrafter {
    private static final Pattern MUST = Pattern.compile("确保|务必|必须|坚决完成");
    private static final Pattern STRIVE = Pattern.compile("力争|争取");
    private static final Pattern LEAD_IN = Pattern.compile("^(?:(?:总)?投资[0-9.]+(?:万|亿)元[,，]|(?:以|依托|立足|按照|围绕)[^,，]*[,，])+");
    private static final Pattern PROJECT = Pattern.compile("项目|工程|生产线|产业园|物流园|变电站|厂房|示范园|果园|大道|"
            + "市场|消防站|殡仪馆|骨灰堂|管网|煤矿|风电|公司|集团");
    private static final Pattern KEY_PROJECT = Pattern.compile("公司|集团");

    private static final String FALLBACK = LeadUnits.FALLBACK;
    private final LeadUnits leadUnits;

    public ReportDrafter(LeadUnits leadUnits) {
        this.leadUnits = leadUnits;
    }

    /** The draft of {@code report}; {@code year} if given, else the year its plan heading names. */
    public ReportDraft draft(String report, Integer year) {
        ReportOutline outline = ReportOutline.of(report, year);
        List<DraftTask> tasks = new ArrayList<>();
        if (outline.indicators() != null) {
            tasks.addAll(indicators(report, outline));
        }
        for (Commitment c : Commitments.find(report, outline)) {
            tasks.add(task(report, outline.year(), c, sector(report, outline, c)));
        }
        tasks = usualUnitOfThePart(tasks);
        tasks.sort(Comparator.comparingInt(DraftTask::start));
        List<DraftTask> keyed = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            keyed.add(tasks.get(i).withKey("d%03d".formatted(i + 1)));
        }
        return new ReportDraft(outline.year(), outline.yearFound(), keyed);
    }

    /**
     * Where no rule matched, the unit the rules proposed most often in the same part stands in (a culture part's
     * leftover task goes to 县文化和旅游局, not to whichever culture unit the directory lists first).
     */
    private static List<DraftTask> usualUnitOfThePart(List<DraftTask> tasks) {
        java.util.Map<List<String>, java.util.Map<String, Long>> byPart = new java.util.HashMap<>();
        for (DraftTask t : tasks) {
            if (!t.leadUnit().provenance().rule().startsWith(FALLBACK) && !t.section().isEmpty()) {
                byPart.computeIfAbsent(t.section().subList(0, 1), k -> new java.util.HashMap<>())
                        .merge(t.leadUnit().value(), 1L, Long::sum);
            }
        }
        List<DraftTask> out = new ArrayList<>();
        for (DraftTask t : tasks) {
            var counts = t.section().isEmpty() ? null : byPart.get(t.section().subList(0, 1));
            if (t.leadUnit().provenance().rule().startsWith(FALLBACK) && counts != null && !counts.isEmpty()) {
                String usual = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).get().getKey();
                t = new DraftTask(t.key(), t.state(), t.start(), t.end(), t.text(), t.section(), t.sector(), t.title(),
                        t.kind(), t.strength(), t.targets(), t.deadline(), t.milestones(),
                        Proposed.of(usual, Provenance.assumed("本部分最常见的牵头单位（无规则命中）")), t.flags());
            }
            out.add(t);
        }
        return out;
    }

    /**
     * The commitment's sector: livelihood for a livelihood matter; the sector its part's heading names; else the
     * sector its own words name; else {@code null} (then its lead unit's sector is taken).
     */
    private static Proposed<String> sector(String report, ReportOutline outline, Commitment c) {
        if (c.origin() == Origin.MATTER) {
            return Proposed.of(Sector.LIVELIHOOD.id(), Provenance.assumed("民生实事归民生领域"));
        }
        if (c.part() >= 0 && outline.parts().get(c.part()).headingSpan() != null) {
            ReportOutline.Part part = outline.parts().get(c.part());
            Optional<SectorWords.Decision> d = SectorWords.decide(part.heading());
            if (d.isPresent()) {
                int at = part.headingSpan().start() + d.get().at();
                return Proposed.of(d.get().sector().id(),
                        Provenance.report(report, at, at + d.get().word().length(), "所在部分的标题"));
            }
        }
        return SectorWords.decide(report.substring(c.start(), c.end())).map(d -> Proposed.of(d.sector().id(),
                Provenance.report(report, c.start() + d.at(), c.start() + d.at() + d.word().length(), "任务的用词")))
                .orElse(null);
    }

    /**
     * Drafts again the words from {@code start} to {@code end} — a task the office split or merged — keeping the
     * section and sector of {@code like}.
     */
    public DraftTask redraft(String report, int year, DraftTask like, int start, int end) {
        Origin origin = like.flags().contains("民生实事") ? Origin.MATTER : Origin.PART;
        Commitment c = new Commitment(start, end, like.section(), origin, -1);
        return task(report, year, c, like.sector()).withKey(like.key());
    }

    private DraftTask task(String report, int year, Commitment c, Proposed<String> proposedSector) {
        String text = report.substring(c.start(), c.end());
        Proposed<String> sector = proposedSector;
        String context = paragraphBefore(report, c.start());
        String paragraphName = c.section().size() > 1 ? c.section().get(1) : null;
        LeadUnits.Proposal lead = leadUnits.propose(text, paragraphName,
                sector == null ? Sector.REFORM.id() : sector.value());
        if (sector == null) {
            String unitSector = leadUnits.unit(lead.unit()).map(u -> u.sector()).orElse(Sector.REFORM.id());
            sector = Proposed.of(unitSector, Provenance.assumed("牵头单位所属领域"));
        }
        List<DraftTarget> targets = Targets.of(report, c.start(), c.end(), context);
        List<DatePhrase> dates = DueDates.phrases(report, c.start(), c.end(), year);
        List<Step> steps = DueDates.steps(report, dates, c.end());
        List<DraftMilestone> milestones = new ArrayList<>();
        for (Step s : steps) {
            if (milestones.stream().noneMatch(m -> m.name().equals(s.name()))) {
                milestones.add(new DraftMilestone(s.name(), s.due(), true,
                        Provenance.report(report, s.start(), s.end(), "时间节点及其后的阶段词")));
            }
        }
        Proposed<LocalDate> deadline = deadline(report, year, dates, steps);
        boolean project = targets.stream().anyMatch(t -> Targets.INVESTMENT.equals(t.metric()))
                || PROJECT.matcher(text).find();
        TaskKind kind = project ? TaskKind.PROJECT : TaskKind.WORK;
        List<String> flags = new ArrayList<>();
        if (c.origin() == Origin.MATTER) {
            flags.add("民生实事");
        } else if (project && (targets.stream().anyMatch(t -> Targets.INVESTMENT.equals(t.metric()))
                || KEY_PROJECT.matcher(text).find())) {
            flags.add("重点项目");
        }
        return new DraftTask(null, ReviewState.PROPOSED, c.start(), c.end(), text, c.section(), sector,
                Proposed.of(title(text), Provenance.report(report, c.start(), c.end(), "原文的主要分句，限30字")),
                Proposed.of(kind, Provenance.assumed(project ? "有投资额或项目、工程、企业等字样" : "无投资额或项目字样")),
                strength(report, c.start(), c.end()), targets, deadline, milestones, leadProposal(report, c.start(), lead),
                flags);
    }

    private static Proposed<String> leadProposal(String report, int start, LeadUnits.Proposal lead) {
        Provenance p = lead.at() >= 0 && report.startsWith(lead.word(), start + lead.at())
                ? Provenance.assumed(report, start + lead.at(), start + lead.at() + lead.word().length(), lead.rule())
                : Provenance.assumed(lead.rule());
        return Proposed.of(lead.unit(), p);
    }

    /**
     * Due when the commitment completes: the date of a completing step (投产, 通车, 完工 …), else of a time word with
     * no step (年内完成投资…), else the year's end — as an assumption when the report gives no date (DESIGN.md).
     * An intermediate step (5月底试运行) does not move the deadline.
     */
    private static Proposed<LocalDate> deadline(String report, int year, List<DatePhrase> dates, List<Step> steps) {
        Optional<Step> completing = steps.stream().filter(Step::completes).max(Comparator.comparing(Step::due));
        if (completing.isPresent()) {
            Step s = completing.get();
            return Proposed.of(s.due(), Provenance.report(report, s.start(), s.end(), "完成性阶段的时间节点"));
        }
        Optional<DatePhrase> plain = dates.stream()
                .filter(d -> steps.stream().noneMatch(s -> s.start() == d.start()))
                .max(Comparator.comparing(DatePhrase::date));
        if (plain.isPresent()) {
            DatePhrase d = plain.get();
            return Proposed.of(d.date(), Provenance.report(report, d.start(), d.end(), d.multiYear()
                    ? "跨年任务列入本年部分，年底为限" : "时间用语"));
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        if (!steps.isEmpty()) {
            Step s = steps.get(0);
            return Proposed.of(yearEnd, Provenance.assumed(report, s.start(), s.end(), "中间阶段不改变完成时限，年底为限"));
        }
        return Proposed.of(yearEnd, Provenance.assumed("原文无时间，按年底完成（假定）"));
    }

    private static Proposed<Strength> strength(String report, int start, int end) {
        String text = report.substring(start, end);
        Matcher must = MUST.matcher(text);
        Matcher strive = STRIVE.matcher(text);
        boolean m = must.find();
        boolean s = strive.find();
        if (!m && !s) {
            return null;
        }
        Matcher first = m && (!s || must.start() <= strive.start()) ? must : strive;
        Strength value = first == must ? Strength.MUST : Strength.STRIVE;
        return Proposed.of(value, Provenance.report(report, start + first.start(), start + first.end(),
                "确保/务必为必须完成，力争/争取为争取完成"));
    }

    /**
     * The commitment's main clause, at most 30 characters: lead-ins (投资9000万元, 以…为重点) left out, and the first
     * clause with a figure preferred where the opening clause has none.
     */
    static String title(String text) {
        String t = LEAD_IN.matcher(text).replaceFirst("");
        if (t.isEmpty()) {
            t = text;
        }
        List<Span> clauses = Commitments.split(t, 0, t.length(), ",，;；。");
        if (!clauses.isEmpty() && Quantities.find(t, clauses.get(0).start(), clauses.get(0).end()).isEmpty()) {
            for (Span c : clauses) {
                if (!Quantities.find(t, c.start(), c.end()).isEmpty()) {
                    t = t.substring(c.start());
                    break;
                }
            }
        }
        int stop = t.length();
        for (int i = 0; i < t.length(); i++) {
            if (";；。".indexOf(t.charAt(i)) >= 0 || ((t.charAt(i) == ',' || t.charAt(i) == '，') && i >= 8)) {
                stop = i;
                break;
            }
        }
        String title = t.substring(0, stop);
        if (title.length() > 30) {
            int cut = 30;
            while (cut > 10 && ChineseNumbers.isNumeral(title.charAt(cut - 1))) {
                cut--; // never end a title inside a number
            }
            title = title.substring(0, cut);
        }
        return title;
    }

    /** The paragraph's words before the commitment: a fund named once for a list is named there. */
    private static String paragraphBefore(String report, int start) {
        int line = report.lastIndexOf('\n', start - 1) + 1;
        return report.substring(line, start);
    }

    private List<DraftTask> indicators(String report, ReportOutline outline) {
        List<DraftTask> tasks = new ArrayList<>();
        Span region = outline.indicators();
        for (Indicator indicator : Indicators.find(report, region.start(), region.end())) {
            LeadUnits.Proposal lead = leadUnits.propose(indicator.metric(), null, Sector.REFORM.id());
            String unitSector = leadUnits.unit(lead.unit()).map(u -> u.sector()).orElse(Sector.REFORM.id());
            Optional<Indicator> last = Indicators.baseline(report, outline.review(), indicator.metric());
            DraftTarget.Baseline baseline = last.map(b -> new DraftTarget.Baseline(b.level().unit(), b.level().value(),
                    Provenance.report(report, b.level().start(), b.level().end(), "上年工作回顾中同一指标的完成值"))).orElse(null);
            List<DraftTarget> targets = new ArrayList<>();
            // the year's value accumulates month by month (an AMOUNT from zero); last year's is the growth's baseline
            targets.add(new DraftTarget(indicator.metric(), indicator.level().unit(), indicator.level().value(),
                    TargetType.AMOUNT, null, null, true, Provenance.report(report, indicator.level().start(),
                            indicator.level().end(), "指标的计划值")));
            if (indicator.growth() != null) {
                targets.add(new DraftTarget("增长率", "%", indicator.growth().value(), TargetType.GROWTH, null, baseline,
                        true, Provenance.report(report, indicator.growth().start(), indicator.growth().end(),
                                "指标的增长率，基数取上年完成值")));
            }
            Span span = indicator.span();
            String text = report.substring(span.start(), span.end());
            String title = indicator.metric() + "完成" + indicator.level().value().toPlainString()
                    + indicator.level().unit() + (indicator.growth() == null ? ""
                    : "，增长" + indicator.growth().value().toPlainString() + "%");
            tasks.add(new DraftTask(null, ReviewState.PROPOSED, span.start(), span.end(), text, List.of("主要经济指标"),
                    Proposed.of(unitSector, Provenance.assumed("指标不属任何部分，随牵头单位所属领域")),
                    Proposed.of(title.length() > 30 ? title.substring(0, 30) : title,
                            Provenance.report(report, indicator.metricStart(), indicator.metricEnd(), "指标名称与计划值")),
                    Proposed.of(TaskKind.INDICATOR, Provenance.report(report, region.start(), region.end(),
                            "主要经济指标段")),
                    null, targets, Proposed.of(LocalDate.of(outline.year(), 12, 31), Provenance.assumed("年度指标，年底为限")),
                    List.of(), leadProposal(report, indicator.metricStart(), lead), List.of("经济指标")));
        }
        return tasks;
    }
}
