package cn.duban.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * The profile of a measured phase, kept as the evidence the aims cite: who used the cores during it, and — for the
 * phases where one service is the suspect — a flight recording of that service, summarised.
 */
final class Evidence {
    private final Report report;
    private final Suite suite;
    private final Profile profile;

    Evidence(Report report, Suite suite, Path directory) {
        this.report = report;
        this.suite = suite;
        this.profile = new Profile(directory);
    }

    /** Runs {@code work} as phase {@code phase}, with the CPU shares of the machine's processes. */
    void measure(String phase, Runnable work) {
        CpuShares cpu = new CpuShares(suite::groupOf);
        cpu.begin();
        work.run();
        keep(phase, "CPU during the phase: " + CpuShares.describe(cpu.end()) + ".");
    }

    /** The same, and a flight recording of {@code service} during it. */
    void measure(String phase, String service, Runnable work) {
        CpuShares cpu = new CpuShares(suite::groupOf);
        cpu.begin();
        String recording = profile.during(phase + "-" + service, suite.get(service).process().pid(), work);
        Map<String, Double> shares = cpu.end();
        keep(phase, "CPU during the phase: " + CpuShares.describe(shares) + ". " + service + "'s profile: "
                + recording + ".");
    }

    /** Kept for the aims, and shown under the phase's table as it is measured. */
    private void keep(String phase, String text) {
        report.evidence(phase, text);
        System.out.println("  [profile " + phase + "] " + text);
    }
}
