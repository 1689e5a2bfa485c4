package cn.duban.supervision.draft;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.supervision.draft.Quantities.Quantity;
import cn.duban.supervision.draft.ReportOutline.Span;
import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.LedgerReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coverage and truth of the 2022 ledger against the report it was made from (issue 15; the rules are in
 * docs/ledger.md, "Coverage and truth"): every task quotes the plan word for word, every target's figure and unit
 * are in its task's words, every concrete commitment the drafter finds in the plan is covered by tasks, and every
 * project keeps as milestones the stages its words name. Each test lists everything it found, not the first.
 */
class PingyaoLedgerCoverageTest {
    /**
     * Stages of a project's life the office follows as milestones, the longest first (主体完工 before 完工). 建成 is not
     * one: where a task says 建成 the building is the task itself, and its deadline says when.
     */
    private static final List<String> PROJECT_STAGES = List.of("入区建设", "主体完工", "试运行", "开工", "完工", "竣工",
            "投产", "复产", "并网", "通车", "入驻", "开园");
    /** 五大中心: a number of named things (报告用语注释 24), which the normaliser rightly does not take for a quantity. */
    private static final Pattern NAMED_THINGS = Pattern.compile("([一二三四五六七八九十]+)大");
    /** A task may leave out a commitment's lead-in, purpose and slogans, not most of it (the lowest share found: 30 %). */
    private static final double COVERED_SHARE = 0.25;

    static String report;
    static ReportOutline outline;
    static LedgerFile ledger;
    /** Where each ledger task's text stands in the plan, in ledger order; null if it is not there. */
    static List<Span> spans;

    @BeforeAll
    static void readTheReportAndTheLedger() throws IOException {
        report = Reports.read("pingyao-2022-government-work-report.txt");
        outline = ReportOutline.of(report, null);
        ledger = LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json"));
        spans = new ArrayList<>();
        for (LedgerFile.Entry task : ledger.tasks()) {
            int at = report.indexOf(task.text(), outline.plan().start());
            boolean inPlan = at >= 0 && at + task.text().length() <= outline.plan().end();
            spans.add(inPlan ? new Span(at, at + task.text().length()) : null);
        }
    }

    @Test
    void everyTasksTextIsWordForWordInThePlan() {
        List<String> notInThePlan = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i) == null) {
                notInThePlan.add(ledger.tasks().get(i).id() + " " + ledger.tasks().get(i).text());
            }
        }
        assertThat(ledger.tasks()).hasSizeGreaterThan(100);
        assertThat(notInThePlan).as("tasks whose text is not word for word in 2022年工作安排").isEmpty();
    }

    @Test
    void everyTargetsFigureAndUnitAreInItsTasksText() {
        List<String> notInTheText = new ArrayList<>();
        for (LedgerFile.Entry task : ledger.tasks()) {
            List<Quantity> stated = Quantities.find(task.text(), 0, task.text().length());
            for (Target target : task.targets()) {
                boolean found = stated.stream().anyMatch(q -> same(q, target)
                        || target.unit().equals("亿元") && same(Quantities.inYi(q), target))
                        || target.unit().equals("个") && namesThatMany(task.text(), target);
                if (!found) {
                    notInTheText.add(task.id() + " " + target.metric() + " " + target.value().toPlainString()
                            + " " + target.unit() + " ← the text states " + stated.stream()
                            .map(q -> q.written() + " = " + q.value().toPlainString() + " " + q.unit()).toList());
                }
            }
        }
        assertThat(notInTheText).as("targets whose figure and unit the task's text does not state").isEmpty();
    }

    @Test
    void everyConcreteCommitmentOfThePlanIsCoveredByTasks() {
        ReportDraft draft = new ReportDrafter(Reports.leadUnits()).draft(report, null);
        BitSet inTasks = new BitSet(report.length());
        spans.stream().filter(Objects::nonNull).forEach(s -> inTasks.set(s.start(), s.end()));
        List<String> uncovered = new ArrayList<>();
        int concrete = 0;
        for (DraftTask commitment : draft.tasks()) {
            List<Span> facts = facts(commitment);
            if (facts.isEmpty() && commitment.kind().value() != TaskKind.PROJECT) {
                continue; // no figure, date, stage or project: a slogan or a qualitative measure
            }
            concrete++;
            int length = commitment.end() - commitment.start();
            int covered = inTasks.get(commitment.start(), commitment.end()).cardinality();
            List<String> factsOutside = facts.stream().filter(f -> spans.stream()
                    .noneMatch(s -> s != null && s.start() <= f.start() && f.end() <= s.end()))
                    .map(f -> report.substring(f.start(), f.end())).toList();
            if (covered < COVERED_SHARE * length || !factsOutside.isEmpty()) {
                uncovered.add(commitment.section() + " " + commitment.text() + " ← "
                        + (factsOutside.isEmpty() ? "" : "no task states " + factsOutside + "; ")
                        + "tasks quote " + covered + " of its " + length + " characters");
            }
        }
        assertThat(concrete).as("concrete commitments the drafter finds in the plan").isGreaterThan(100);
        assertThat(uncovered).as("concrete commitments of the plan no task covers").isEmpty();
    }

    @Test
    void everyProjectKeepsTheStagesItsTextNamesAsMilestones() {
        List<String> missing = new ArrayList<>();
        for (LedgerFile.Entry task : ledger.tasks()) {
            if (!task.flags().contains("重点项目")) {
                continue;
            }
            List<String> kept = task.milestones().stream().map(Milestone::name).toList();
            Set<String> named = new LinkedHashSet<>();
            stages(task.text(), 0).forEach(s -> named.add(task.text().substring(s.start(), s.end())));
            for (String stage : named) {
                if (!kept.contains(stage)) {
                    missing.add(task.id() + " " + stage + " ← " + task.text() + " (milestones " + kept + ")");
                }
            }
        }
        assertThat(missing).as("stages a project's text names that are not among its milestones").isEmpty();
    }

    private static boolean same(Quantity q, Target target) {
        return q.unit().equals(target.unit()) && q.value().compareTo(target.value()) == 0;
    }

    private static boolean namesThatMany(String text, Target target) {
        Matcher m = NAMED_THINGS.matcher(text);
        while (m.find()) {
            if (ChineseNumbers.parse(m.group(1)).map(v -> v.compareTo(target.value()) == 0).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What makes a commitment concrete, where it stands in the report: its figures (the drafter's targets), its time
     * words (5月底, 年底前, 年内 …) and the project stages it names.
     */
    private static List<Span> facts(DraftTask commitment) {
        List<Span> facts = new ArrayList<>();
        commitment.targets().forEach(t -> facts.add(new Span(t.provenance().start(), t.provenance().end())));
        DueDates.phrases(report, commitment.start(), commitment.end(), outline.year())
                .forEach(d -> facts.add(new Span(d.start(), d.end())));
        facts.addAll(stages(commitment.text(), commitment.start()));
        return facts;
    }

    /** The project stages {@code text} names, where they stand (plus {@code offset}); 开工率 is a figure, not a stage. */
    private static List<Span> stages(String text, int offset) {
        List<Span> found = new ArrayList<>();
        BitSet taken = new BitSet(text.length());
        for (String stage : PROJECT_STAGES) {
            for (int at = text.indexOf(stage); at >= 0; at = text.indexOf(stage, at + 1)) {
                int end = at + stage.length();
                boolean rate = end < text.length() && text.charAt(end) == '率';
                if (!rate && taken.get(at, end).isEmpty()) {
                    taken.set(at, end);
                    found.add(new Span(offset + at, offset + end));
                }
            }
        }
        return found;
    }
}
