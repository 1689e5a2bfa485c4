package cn.duban.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;

/**
 * The aims of issue 20, judged from one run's figures: each with what was measured (absolute, on the machine named
 * at the top of the run), its ratio to the raw limit of the same run where one applies, its ratio to the aim, a
 * verdict, and — when not met — what limits it, from the profile of the phase that measured it.
 */
final class Aims {
    enum Verdict {
        MET("met"), NOT_MET("not met"), SMALLER_LEDGER("measured on a smaller ledger only"), NOT_MEASURED("not measured");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /**
     * @param measured what this run measured, with its unit
     * @param value    the number the verdict is on (NaN when not measured), for the next run's comparison
     * @param rawRatio the measured figure ÷ the raw limit of the same run, with the limit named; "—" where none applies
     * @param aimRatio the measured figure ÷ the aim (≤ 1 meets a ceiling, ≥ 1 a floor)
     * @param limit    what limits it (the phase's profile) when it is not met; otherwise empty
     */
    record Aim(String id, String aim, String measured, double value, String rawRatio, double aimRatio, Verdict verdict,
            String limit) {
    }

    static final int AIM_LEDGER = 100_000;
    static final int MILLION = 1_000_000;

    private Aims() {
    }

    static List<Aim> judge(Report r, int ledger) {
        List<Aim> aims = new ArrayList<>();
        double commitMillis = 1000 / r.figure("pg.single");
        String perCommit = String.format("one PostgreSQL commit (%.2f ms)", commitMillis);

        double accepted = r.figure("api.saturation.accepted");
        double kept = r.figure("api.saturation.ingest");
        boolean keptUp = r.figure("api.saturation.seen") >= 0.999;
        aims.add(floor("api.accepted", "Department APIs accept ≥ 1,500 reports/s in all, supervision keeping up", accepted,
                1500, keptUp, String.format("%s reports/s accepted, %s/s stored and evaluated at supervision%s",
                        Report.rate(accepted), Report.rate(kept), keptUp ? "" : " (fell behind)"),
                ratio(accepted, r.figure("pg.single"), "PostgreSQL one transaction per event"), r.evidence("api.saturation")));

        double answer = r.figure("api.200.answer.p99");
        aims.add(ceiling("api.answer.p99", "Department APIs: p99 ≤ 50 ms at 200 reports/s offered", answer, 50,
                String.format("p99 %s ms (request → 202)", Percentiles.ms(answer)), ratio(answer, commitMillis, perCommit),
                r.evidence("api.200")));

        double burst = r.figure("topic.saturation.ingest");
        double batched = r.figure("pg.batched");
        aims.add(floor("ingest.burst", "Supervision stores and evaluates a burst at ≥ 0.25 of batched PostgreSQL", burst / batched,
                0.25, true, String.format("%s events/s stored and evaluated", Report.rate(burst)),
                ratio(burst, batched, "PostgreSQL batched, " + Report.rate(batched) + "/s"), r.evidence("topic.saturation")));

        double api100 = r.figure("api.100.p99");
        aims.add(ceiling("e2e.api100.p99", "End to end (202 → visible): p99 ≤ 100 ms at 100 reports/s via the APIs", api100,
                100, String.format("p99 %s ms", Percentiles.ms(api100)), ratio(api100, commitMillis, perCommit),
                r.evidence("api.100")));

        double topic1000 = r.figure("topic.1000.p99");
        boolean kept1000 = r.figure("topic.1000.seen") >= 0.999 && r.figure("topic.1000.ingest") >= 950;
        Aim e2eTopic = ceiling("e2e.topic1000.p99", "End to end: p99 ≤ 150 ms at 1,000 events/s onto the topic", topic1000,
                150, String.format("p99 %s ms, %s/s kept", Percentiles.ms(topic1000), Report.rate(r.figure("topic.1000.ingest"))),
                ratio(topic1000, commitMillis, perCommit), r.evidence("topic.1000"));
        aims.add(kept1000 ? e2eTopic : withVerdict(e2eTopic, Verdict.NOT_MET));

        double again = r.figure("reevaluate.again");
        double per100k = again * AIM_LEDGER / ledger;
        aims.add(atLedger(ceiling("reevaluate.unchanged", "Re-evaluation of 100,000 unchanged tasks ≤ 2 s", per100k, 2,
                String.format("%.2f s for %,d tasks%s", again, ledger, ledger == AIM_LEDGER ? ""
                        : String.format(" (%.1f s per 100,000 if it grows linearly)", per100k)),
                ratio(ledger / again, batched, "tasks/s ÷ PostgreSQL batched events/s"), r.evidence("reevaluate.again")),
                ledger >= AIM_LEDGER));

        // Measured by the run's last phase (the ledger grown to a million), or by a run whose ledger is that size; the
        // task list is judged on the slowest of its first page, a page by number and a page after any task.
        boolean grown = !Double.isNaN(r.figure("million.tasks.p99"));
        String of = grown ? "million." : "";
        double million = r.figure(of + "tasks.p99");
        double pages = r.figure(of + "pages.p99");
        double after = r.figure(of + "after.p99");
        double evaluated = grown ? r.figure("million.evaluate") : r.figure("reevaluate.first");
        double taskList = DoubleStream.of(million, pages, after).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        Aim millionAim = ceiling("million.tasks.p99", "1,000,000-task ledger loads, is evaluated, task list p99 ≤ 50 ms",
                taskList, 50, String.format("%s: task list p99 %s ms (first page)%s%s; evaluated in %.0f s%s",
                        grown ? String.format("ledger grown to %,.0f tasks", r.figure("million.ledger"))
                                : String.format("%,d-task ledger", ledger),
                        Percentiles.ms(million), Double.isNaN(pages) ? "" : ", " + Percentiles.ms(pages) + " ms (a page by number)",
                        Double.isNaN(after) ? "" : ", " + Percentiles.ms(after) + " ms (after any task)",
                        evaluated, grown ? String.format(" (the %,.0f added), loaded in %.0f s", r.figure("million.added"),
                                r.figure("million.load")) : ""),
                "—", r.evidence(grown ? "million.queries" : "queries"));
        boolean fullSize = grown ? r.figure("million.ledger") >= MILLION : ledger >= MILLION;
        aims.add(grown || ledger >= MILLION ? atLedger(millionAim, fullSize) : new Aim(millionAim.id(), millionAim.aim(), String.format(
                "this run's ledger has %,d tasks and the million phase was left out (DUBAN_BENCH_MILLION=0)", ledger),
                Double.NaN, "—", Double.NaN, Verdict.NOT_MEASURED, ""));

        double search = r.figure("tasks.q.p99");
        aims.add(atLedger(ceiling("search.p99", "Free-text search in Chinese at 100,000 tasks: p99 ≤ 20 ms", search, 20,
                String.format("p99 %s ms at %,d tasks", Percentiles.ms(search), ledger), "—", r.evidence("queries")),
                ledger >= AIM_LEDGER));

        double rss = r.figures().entrySet().stream().filter(e -> e.getKey().startsWith("rss."))
                .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
        aims.add(ceiling("rss.idle", "Each service ≤ 180 MiB RSS idle", rss, 180,
                String.format("largest %.0f MiB (%s)", rss, largestRss(r)), "—", r.evidence("footprint")));

        double ready = r.figure("suite.ready") + r.figure("infra.ready");
        aims.add(ceiling("suite.ready", "Whole suite ready within 40 s of `make run` on a built tree", ready, 40,
                String.format("%.1f s: Kafka and Keycloak %.1f s, then the seven services %.1f s", ready,
                        r.figure("infra.ready"), r.figure("suite.ready")), "—", r.evidence("footprint")));
        return aims;
    }

    private static Aim ceiling(String id, String aim, double value, double most, String measured, String rawRatio,
            String evidence) {
        Verdict verdict = Double.isNaN(value) ? Verdict.NOT_MEASURED : value <= most ? Verdict.MET : Verdict.NOT_MET;
        return new Aim(id, aim, measured, value, rawRatio, value / most, verdict, verdict == Verdict.NOT_MET ? evidence : "");
    }

    private static Aim floor(String id, String aim, double value, double least, boolean otherwiseMet, String measured,
            String rawRatio, String evidence) {
        Verdict verdict = Double.isNaN(value) ? Verdict.NOT_MEASURED
                : value >= least && otherwiseMet ? Verdict.MET : Verdict.NOT_MET;
        return new Aim(id, aim, measured, value, rawRatio, value / least, verdict, verdict == Verdict.NOT_MET ? evidence : "");
    }

    /** An aim set for 100,000 tasks but measured on a smaller ledger is not claimed as met. */
    private static Aim atLedger(Aim aim, boolean fullSize) {
        return fullSize || aim.verdict() != Verdict.MET ? aim : withVerdict(aim, Verdict.SMALLER_LEDGER);
    }

    private static Aim withVerdict(Aim aim, Verdict verdict) {
        return new Aim(aim.id(), aim.aim(), aim.measured(), aim.value(), aim.rawRatio(), aim.aimRatio(), verdict,
                aim.limit());
    }

    private static String ratio(double measured, double limit, String what) {
        return Double.isNaN(measured) || Double.isNaN(limit) ? "—" : String.format("%.3f of %s", measured / limit, what);
    }

    private static String largestRss(Report r) {
        return r.figures().entrySet().stream().filter(e -> e.getKey().startsWith("rss."))
                .max(Map.Entry.comparingByValue()).map(e -> e.getKey().substring(4)).orElse("?");
    }

    /** The aims as a table, beside the previous run's measurement of each where there was one. */
    static void write(Report report, List<Aim> aims, Optional<Results.Previous> previous) {
        report.heading("The aims (issue 20): verdicts");
        report.table("aim", "measured", "÷ raw limit (same run)", "÷ aim", "verdict",
                "previous run" + previous.map(p -> " (" + p.label() + ")").orElse(""), "what limits it (profile)");
        for (Aim aim : aims) {
            report.row(aim.aim(), aim.measured(), aim.rawRatio(),
                    Double.isNaN(aim.aimRatio()) ? "—" : String.format("%.2f", aim.aimRatio()),
                    "**" + aim.verdict().text + "**",
                    previous.flatMap(p -> p.measured(aim.id())).orElse("—"),
                    aim.limit().isEmpty() ? "" : aim.limit());
        }
    }
}
