package cn.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import cn.duban.events.EventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run's figures become the aims' verdicts, the results file the next run compares with, and the pictures. */
class AimsTest {

    @Test
    void aRunIsJudgedAimByAimAndWhatIsNotMetCitesItsProfile() {
        Report run = run(20_000);
        Map<String, Aims.Aim> aims = byId(Aims.judge(run, 20_000));

        assertThat(aims.get("api.accepted").verdict()).isEqualTo(Aims.Verdict.NOT_MET);
        assertThat(aims.get("api.accepted").limit()).contains("sector services 150 %");
        assertThat(aims.get("api.accepted").rawRatio()).startsWith("0.200 of PostgreSQL one transaction per event");
        assertThat(aims.get("api.answer.p99").verdict()).isEqualTo(Aims.Verdict.MET);
        assertThat(aims.get("api.answer.p99").limit()).isEmpty();
        assertThat(aims.get("ingest.burst").verdict()).isEqualTo(Aims.Verdict.MET);
        assertThat(aims.get("ingest.burst").aimRatio()).isEqualTo(1.2);
        // fast enough, but supervision did not keep up with the 1,000/s offered
        assertThat(aims.get("e2e.topic1000.p99").verdict()).isEqualTo(Aims.Verdict.NOT_MET);
        // 0.3 s for 20,000 would meet 2 s per 100,000, but the aim is set at 100,000 and is not claimed on fewer
        assertThat(aims.get("reevaluate.unchanged").verdict()).isEqualTo(Aims.Verdict.SMALLER_LEDGER);
        assertThat(aims.get("reevaluate.unchanged").measured()).contains("1.5 s per 100,000");
        assertThat(aims.get("million.tasks.p99").verdict()).isEqualTo(Aims.Verdict.NOT_MEASURED);
        assertThat(aims.get("rss.idle").verdict()).isEqualTo(Aims.Verdict.NOT_MET);
        assertThat(aims.get("rss.idle").measured()).contains("240 MiB (supervision)");
        assertThat(aims.get("suite.ready").value()).isEqualTo(45.0);
    }

    @Test
    void theFullSizeLedgerClaimsItsAims() {
        Map<String, Aims.Aim> aims = byId(Aims.judge(run(100_000), 100_000));

        assertThat(aims.get("reevaluate.unchanged").verdict()).isEqualTo(Aims.Verdict.MET);
        assertThat(aims.get("search.p99").verdict()).isEqualTo(Aims.Verdict.MET);
    }

    @Test
    void theLedgerGrownToAMillionIsJudgedOnItsOwnTaskList() {
        Report run = run(20_000);
        run.figure("million.added", 979_822);
        run.figure("million.ledger", 1_000_000);
        run.figure("million.load", 120);
        run.figure("million.evaluate", 600);
        run.figure("million.tasks.p99", 30);
        run.figure("million.pages.p99", 20);
        run.figure("million.after.p99", 80);
        run.evidence("million.queries", "supervision's profile: 120 CPU samples; hottest methods: PgResultSet.next 9 %");

        Aims.Aim aim = byId(Aims.judge(run, 20_000)).get("million.tasks.p99");

        // the first page and a page by number answer in time, a page after a task deep in the ledger does not: the
        // slowest is judged
        assertThat(aim.verdict()).isEqualTo(Aims.Verdict.NOT_MET);
        assertThat(aim.value()).isEqualTo(80.0);
        assertThat(aim.measured()).contains("ledger grown to 1,000,000 tasks", "p99 30.0 ms (first page)",
                "20.0 ms (a page by number)", "80.0 ms (after any task)", "evaluated in 600 s (the 979,822 added)");
        assertThat(aim.limit()).contains("PgResultSet.next");

        run.figure("million.after.p99", 45);
        assertThat(byId(Aims.judge(run, 20_000)).get("million.tasks.p99").verdict()).isEqualTo(Aims.Verdict.MET);
        // a harness try grows the ledger to far less than a million: fast enough there is not claimed as met
        run.figure("million.ledger", 20_000);
        assertThat(byId(Aims.judge(run, 20_000)).get("million.tasks.p99").verdict())
                .isEqualTo(Aims.Verdict.SMALLER_LEDGER);
    }

    @Test
    void theResultsFileIsReadBackAsTheNextRunsComparison(@TempDir Path dir) throws Exception {
        Report run = run(20_000);
        List<Aims.Aim> aims = Aims.judge(run, 20_000);
        Path file = dir.resolve("bench/results.json");

        Results.write(file, Map.of("date", "2026-12-02", "commit", "abc1234"), run, aims);

        JsonNode json = EventCodec.json().readTree(file.toFile());
        assertThat(json.get("aims")).hasSize(aims.size());
        assertThat(json.at("/figures/api.saturation.accepted").asDouble()).isEqualTo(300.0);
        assertThat(json.at("/latencyPercentiles/api.100.visible/count").asInt()).isEqualTo(1000);
        Optional<Results.Previous> previous = Results.previous(file);
        assertThat(previous).isPresent();
        assertThat(previous.get().label()).isEqualTo("2026-12-02, abc1234");
        assertThat(previous.get().measured("ingest.burst")).hasValueSatisfying(m -> assertThat(m).contains("3,000 events/s"));
    }

    @Test
    void thePicturesAreDrawn(@TempDir Path dir) throws Exception {
        List<String> files = Charts.draw(run(20_000), dir, "test");

        assertThat(files).hasSize(5);
        for (String file : files) {
            assertThat(Files.size(dir.resolve(file))).isGreaterThan(5_000);
        }
    }

    /** The figures a run would leave, with round numbers. */
    private static Report run(int ledger) {
        Report r = new Report();
        r.figure("pg.single", 1500);
        r.figure("pg.batched", 10_000);
        r.figure("api.saturation.accepted", 300);
        r.figure("api.saturation.ingest", 290);
        r.figure("api.saturation.seen", 1);
        r.evidence("api.saturation", "CPU during the phase: sector services 150 %, PostgreSQL 40 %; all 195 % of 200 %.");
        r.figure("api.200.answer.p99", 40);
        r.figure("topic.saturation.ingest", 3_000);
        r.figure("api.100.p99", 120);
        r.figure("topic.1000.p99", 100);
        r.figure("topic.1000.ingest", 700);
        r.figure("topic.1000.seen", 1);
        r.figure("reevaluate.again", 0.3 * ledger / 20_000);
        r.figure("reevaluate.first", 30);
        r.figure("tasks.p99", 15);
        r.figure("tasks.q.p99", 12);
        r.figure("rss.supervision", 240);
        r.figure("rss.agriculture", 230);
        r.figure("infra.ready", 20);
        r.figure("suite.ready", 25);
        List<Double> millis = IntStream.rangeClosed(1, 1000).mapToObj(i -> i / 10.0).toList();
        for (String phase : List.of("api.100.visible", "api.100.answer", "topic.1000.visible")) {
            r.latencies(phase, millis);
        }
        for (int rate : new int[] {50, 100, 200}) {
            r.point(new Report.LoadPoint("department APIs", rate, rate * 0.9, rate * 0.85));
            r.point(new Report.LoadPoint("topic", rate * 10, rate * 10, rate * 9.5));
        }
        return r;
    }

    private static Map<String, Aims.Aim> byId(List<Aims.Aim> aims) {
        return aims.stream().collect(java.util.stream.Collectors.toMap(Aims.Aim::id, a -> a));
    }
}
