package cn.duban.bench;

import cn.duban.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-readable results of a run, docs/bench/results.json: when, which commit, which machine, every figure,
 * every aim with its verdict, the load curves and the latency percentiles. The next run reads it first, so that each
 * aim is shown beside the previous run's measurement.
 */
final class Results {
    /** The previous run's results, as far as the aims table needs them. */
    record Previous(JsonNode json) {
        String label() {
            return json.path("date").asText("?") + ", " + json.path("commit").asText("?");
        }

        Optional<String> measured(String aim) {
            for (JsonNode node : json.path("aims")) {
                if (node.path("id").asText().equals(aim)) {
                    return Optional.of(node.path("measured").asText());
                }
            }
            return Optional.empty();
        }
    }

    private Results() {
    }

    static Optional<Previous> previous(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(new Previous(EventCodec.json().readTree(file.toFile())))
                    : Optional.empty();
        } catch (IOException e) {
            System.err.println("previous results unreadable, not compared: " + e.getMessage());
            return Optional.empty();
        }
    }

    static void write(Path file, Map<String, String> run, Report report, List<Aims.Aim> aims) throws IOException {
        ObjectNode root = EventCodec.json().createObjectNode();
        run.forEach(root::put);
        ObjectNode figures = root.putObject("figures");
        report.figures().forEach((name, value) -> {
            if (!value.isNaN() && !value.isInfinite()) {
                figures.put(name, value);
            }
        });
        ArrayNode aimNodes = root.putArray("aims");
        for (Aims.Aim aim : aims) {
            ObjectNode node = aimNodes.addObject();
            node.put("id", aim.id()).put("aim", aim.aim()).put("measured", aim.measured())
                    .put("rawRatio", aim.rawRatio()).put("verdict", aim.verdict().name()).put("limit", aim.limit());
            number(node, "value", aim.value());
            number(node, "aimRatio", aim.aimRatio());
        }
        ArrayNode curve = root.putArray("loadCurve");
        for (Report.LoadPoint point : report.curve()) {
            ObjectNode node = curve.addObject().put("path", point.path());
            number(node, "offered", point.offered());
            number(node, "accepted", point.accepted());
            number(node, "stored", point.stored());
        }
        ObjectNode latencies = root.putObject("latencyPercentiles");
        report.latencies().forEach((phase, millis) -> {
            Percentiles p = Percentiles.ofMillis(millis);
            ObjectNode node = latencies.putObject(phase).put("count", p.count());
            number(node, "p50", p.p50());
            number(node, "p95", p.p95());
            number(node, "p99", p.p99());
            number(node, "max", p.max());
        });
        root.set("evidence", EventCodec.json().valueToTree(report.evidence()));
        Files.createDirectories(file.getParent());
        EventCodec.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
