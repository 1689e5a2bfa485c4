package cn.duban.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the 2022 report names of each task's assignment, read against the report itself (docs/ledger.md). */
class ProvenanceTest {

    private static final LedgerFile LEDGER = LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json"));
    private static final String REPORT = report();

    private static String report() {
        try (InputStream in = ProvenanceTest.class.getClassLoader()
                .getResourceAsStream("reports/pingyao-2022-government-work-report.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Provenance.Field> of(LedgerFile.Entry task) {
        return Provenance.of(task.text(), LEDGER.year(), task.deadline(), List.of());
    }

    @Test
    void theReportNamesNoUnitAndNoLeaderOfTheLedger() {
        UnitDirectory units = LedgerReader.units(LedgerReader.resource("ledger/units.json"));
        assertThat(units.units()).extracting(UnitDirectory.Entry::name).noneMatch(REPORT::contains);
        assertThat(LEDGER.tasks()).extracting(LedgerFile.Entry::leader).noneMatch(REPORT::contains);
        assertThat(REPORT).doesNotContain("牵头", "责任单位", "责任领导", "分管");
    }

    @Test
    void unitsLeaderPlannedStartAndReportingCycleAreAssumedForEveryTask() {
        for (LedgerFile.Entry task : LEDGER.tasks()) {
            Map<String, Provenance.Field> fields = of(task);
            assertThat(fields.keySet()).containsExactlyElementsOf(Provenance.FIELDS);
            for (String field : List.of("leadUnit", "coUnits", "leader", "plannedStart", "reportingCycle")) {
                assertThat(fields.get(field)).as(task.id() + " " + field)
                        .isEqualTo(new Provenance.Field(Provenance.Source.ASSUMED, null));
            }
        }
    }

    @Test
    void aDeadlineIsQuotedOnlyWhereTheTasksTextGivesIt() {
        Map<String, Provenance.Field> deadlines = LEDGER.tasks().stream()
                .collect(Collectors.toMap(LedgerFile.Entry::id, t -> of(t).get("deadline")));

        assertThat(deadlines.get("2022-IND-010")).isEqualTo(new Provenance.Field(Provenance.Source.REPORT, "10月底前"));
        assertThat(deadlines.get("2022-IND-011")).isEqualTo(new Provenance.Field(Provenance.Source.REPORT, "6月底前"));
        assertThat(deadlines.get("2022-URB-007")).isEqualTo(new Provenance.Field(Provenance.Source.REPORT, "10月底前"));
        long quoted = deadlines.values().stream().filter(f -> f.source() == Provenance.Source.REPORT).count();
        assertThat(quoted).as("of 177 tasks, most have no date in the report").isEqualTo(16);
        for (LedgerFile.Entry task : LEDGER.tasks()) {
            Provenance.Field deadline = deadlines.get(task.id());
            if (deadline.source() == Provenance.Source.REPORT) {
                assertThat(task.text()).contains(deadline.quote());
                assertThat(REPORT).contains(task.text());
            }
        }
    }

    @Test
    void dateWordsThatGiveAnotherDateDoNotMakeTheDeadlineQuoted() {
        // 5月底 is a milestone's date, not the deadline's
        assertThat(Provenance.deadlineWords("5月底前试运行", 2022, LocalDate.of(2022, 12, 31))).isNull();
        assertThat(Provenance.deadlineWords("5月底前试运行，年底前完成", 2022, LocalDate.of(2022, 12, 31))).isEqualTo("年底前");
        assertThat(Provenance.deadlineWords("13月底", 2022, LocalDate.of(2022, 12, 31))).isNull();
    }

    @Test
    void theOfficesConfirmationWins() {
        LedgerFile.Entry coke = LEDGER.tasks().stream().filter(t -> t.id().equals("2022-IND-010")).findFirst().orElseThrow();
        Map<String, Provenance.Field> fields = Provenance.of(coke.text(), 2022, coke.deadline(),
                List.of("leadUnit", "deadline"));

        assertThat(fields.get("leadUnit").source()).isEqualTo(Provenance.Source.CONFIRMED);
        assertThat(fields.get("deadline").source()).isEqualTo(Provenance.Source.CONFIRMED);
        assertThat(fields.get("leader").source()).isEqualTo(Provenance.Source.ASSUMED);
    }
}
