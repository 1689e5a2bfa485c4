package cn.duban.supervision.draft;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.LedgerReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance measure of issue 22: the 2022 report drafted with no help, against the ledger the office made from
 * it by hand (ledger/pingyao-2022.json). The figures are printed and kept in docs/drafts.md.
 */
class PingyaoDraftTest {
    static String report;
    static ReportDraft draft;
    static LedgerComparison comparison;

    @BeforeAll
    static void draftTheReport() throws IOException {
        report = Reports.read("pingyao-2022-government-work-report.txt");
        draft = new ReportDrafter(Reports.leadUnits()).draft(report, null);
        LedgerFile ledger = LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json"));
        comparison = new LedgerComparison(report, ledger, draft);
        System.out.println("Draft of the 2022 report against the 2022 ledger\n" + comparison.figures());
        System.out.println("missed:\n  " + String.join("\n  ", comparison.missed));
        System.out.println("targets not right:\n  " + String.join("\n  ", comparison.wrongTargets));
        if (Boolean.getBoolean("draft.dump")) {
            draft.tasks().forEach(t -> System.out.println(t.key() + " " + t.sector().value() + " " + t.kind().value()
                    + " [" + t.title().value() + "] " + t.targets().stream().map(x -> x.metric() + "=" + x.value()
                    .toPlainString() + x.unit() + "/" + x.type() + (x.strength() == null ? "" : "/" + x.strength())
                    + (x.baseline() == null ? "" : "/基数" + x.baseline().value())).toList() + " " + t.deadline().value()
                    + " " + t.milestones().stream().map(m -> m.name() + "@" + m.due()).toList() + " "
                    + t.leadUnit().value() + " (" + t.leadUnit().provenance().rule() + ") " + t.flags()));
        }
        System.out.println("deadlines not right:\n  " + String.join("\n  ", comparison.wrongDeadlines));
    }

    @Test
    void findsAtLeast95PercentOfTheLedgersTasks() {
        assertThat(draft.year()).isEqualTo(2022);
        assertThat((double) comparison.found / comparison.ledgerTasks).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void getsAtLeast90PercentOfTheTargetsExactlyRight() {
        assertThat((double) comparison.targetsRight / comparison.ledgerTargets).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void getsAtLeast90PercentOfTheDeadlinesRight() {
        assertThat((double) comparison.deadlinesRight / comparison.ledgerTasks).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyDraftedTaskQuotesTheReportWhereItSaysItDoes() {
        for (DraftTask t : draft.tasks()) {
            assertThat(report.substring(t.start(), t.end())).isEqualTo(t.text());
            t.targets().forEach(x -> assertThat(report.substring(x.provenance().start(), x.provenance().end()))
                    .isEqualTo(x.provenance().quote()));
            assertThat(t.title().value().length()).isBetween(1, 30);
        }
    }
}
