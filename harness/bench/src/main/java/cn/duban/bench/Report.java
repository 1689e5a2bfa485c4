package cn.duban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one run, as Markdown: printed as they come, kept under .duban/bench, and put into
 * docs/benchmarks.md between the bench markers (the prose around them, what limits each figure, is written by hand).
 */
final class Report {
    static final String BEGIN = "<!-- bench:begin (written by make bench; edit outside these markers) -->";
    static final String END = "<!-- bench:end -->";

    private final StringBuilder markdown = new StringBuilder();
    private final Map<String, Double> figures = new TreeMap<>();
    private final Map<String, List<Double>> latencies = new LinkedHashMap<>();
    private final List<LoadPoint> curve = new ArrayList<>();
    private final Map<String, String> evidence = new LinkedHashMap<>();

    /**
     * One point of a throughput-versus-offered-load curve: what was offered on a path (NaN: as fast as the clients
     * could), what was accepted, and what supervision stored and evaluated, per second.
     */
    record LoadPoint(String path, double offered, double accepted, double stored) {
    }

    /** A section; with the machine's load average as it starts, since the machine may be shared. */
    void heading(String title) {
        line("");
        line("### " + title);
        line("");
        line("_Load average when this section began: " + loadAverage() + " (2 cores)._");
        line("");
    }

    static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + " / " + load[1] + " / " + load[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    void line(String text) {
        markdown.append(text).append('\n');
        System.out.println(text);
        System.out.flush();
    }

    void table(String... header) {
        line("| " + String.join(" | ", header) + " |");
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            rule.add("---");
        }
        line("|" + String.join("|", rule) + "|");
    }

    void row(Object... cells) {
        List<String> text = new ArrayList<>();
        for (Object cell : cells) {
            text.add(String.valueOf(cell));
        }
        line("| " + String.join(" | ", text) + " |");
    }

    /** A named figure, for the ratios and the summary at the end. */
    double figure(String name, double value) {
        figures.put(name, value);
        return value;
    }

    double figure(String name) {
        return figures.getOrDefault(name, Double.NaN);
    }

    Map<String, Double> figures() {
        return figures;
    }

    /** Every latency of a phase (ms), for the distribution plots. */
    void latencies(String phase, List<Double> millis) {
        latencies.put(phase, List.copyOf(millis));
    }

    Map<String, List<Double>> latencies() {
        return latencies;
    }

    /** What a phase's profile showed (CPU shares, the recording's summary), cited by the aims it measured. */
    void evidence(String phase, String text) {
        evidence.merge(phase, text, (a, b) -> a + " " + b);
    }

    String evidence(String phase) {
        return evidence.getOrDefault(phase, "");
    }

    Map<String, String> evidence() {
        return evidence;
    }

    void point(LoadPoint point) {
        curve.add(point);
    }

    List<LoadPoint> curve() {
        return curve;
    }

    void write(Path work, Path doc) throws IOException {
        Files.createDirectories(work);
        Files.writeString(work.resolve("report.md"), markdown, StandardCharsets.UTF_8);
        String old = Files.isRegularFile(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int begin = old.indexOf(BEGIN);
        int end = old.indexOf(END);
        String generated = BEGIN + "\n" + markdown.toString().strip() + "\n" + END;
        String updated = begin >= 0 && end > begin
                ? old.substring(0, begin) + generated + old.substring(end + END.length())
                : old.strip() + "\n\n" + generated + "\n";
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "—" : String.format("%,.0f", perSecond);
    }
}
