package cn.duban.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run's pictures, drawn by the bench into docs/bench/: the latency distributions (share of reports visible
 * within x ms, log scale) and throughput against offered load, for each path. Labels are plain ASCII, so they draw
 * the same without Chinese fonts.
 */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Charts() {
    }

    /** Writes the pictures and returns their file names, relative to {@code directory}. */
    static List<String> draw(Report report, Path directory, String subtitle) throws IOException {
        Files.createDirectories(directory);
        List<String> written = new ArrayList<>();
        written.add(distribution(report.latencies(), "api.", ".visible", directory.resolve("latency-department-apis.png"),
                "Department APIs: 202 -> visible at supervision", subtitle));
        written.add(distribution(report.latencies(), "api.", ".answer", directory.resolve("answer-department-apis.png"),
                "Department APIs: request -> 202", subtitle));
        written.add(distribution(report.latencies(), "topic.", ".visible", directory.resolve("latency-topic.png"),
                "Onto the progress topics: broker ack -> visible at supervision", subtitle));
        written.add(throughput(report.curve(), "department APIs", directory.resolve("throughput-department-apis.png"),
                "Department APIs: throughput against offered load", subtitle));
        written.add(throughput(report.curve(), "topic", directory.resolve("throughput-topic.png"),
                "Onto the progress topics: throughput against offered load", subtitle));
        return written;
    }

    private static String distribution(Map<String, List<Double>> latencies, String prefix, String suffix, Path file,
            String title, String subtitle) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        latencies.forEach((phase, millis) -> {
            if (phase.startsWith(prefix) && phase.endsWith(suffix) && !millis.isEmpty()) {
                String load = phase.substring(prefix.length(), phase.length() - suffix.length());
                XYSeries series = new XYSeries(load.equals("saturation") ? "saturation" : load + "/s offered");
                double[] sorted = millis.stream().mapToDouble(Double::doubleValue).map(m -> Math.max(m, 0.1)).sorted().toArray();
                int step = Math.max(1, sorted.length / 400);
                for (int i = 0; i < sorted.length; i += step) {
                    series.add(sorted[i], 100.0 * (i + 1) / sorted.length);
                }
                series.add(sorted[sorted.length - 1], 100.0);
                data.addSeries(series);
            }
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "latency (ms, log scale)", "% of reports within",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = new LogAxis("latency (ms, log scale)");
        axis.setSmallestValue(0.1);
        plot.setDomainAxis(axis);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        style(chart, subtitle);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file.getFileName().toString();
    }

    private static String throughput(List<Report.LoadPoint> curve, String path, Path file, String title, String subtitle)
            throws IOException {
        XYSeries offered = new XYSeries("offered");
        XYSeries accepted = new XYSeries("accepted");
        XYSeries stored = new XYSeries("stored + evaluated at supervision");
        for (Report.LoadPoint point : curve) {
            if (point.path().equals(path) && !Double.isNaN(point.offered())) {
                offered.add(point.offered(), point.offered());
                accepted.add(point.offered(), point.accepted());
                stored.add(point.offered(), point.stored());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(offered);
        data.addSeries(accepted);
        data.addSeries(stored);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "offered (per s)", "per s", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        chart.getXYPlot().setRenderer(renderer);
        style(chart, subtitle);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file.getFileName().toString();
    }

    private static void style(JFreeChart chart, String subtitle) {
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
