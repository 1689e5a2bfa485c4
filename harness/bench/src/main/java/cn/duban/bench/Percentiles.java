package cn.duban.bench;

import java.util.List;

/** Latencies in milliseconds, summarised by nearest-rank percentiles. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles ofMillis(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return count == 0 ? "—" : String.format("%s / %s / %s", ms(p50), ms(p95), ms(p99));
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "—" : millis >= 100 ? String.format("%.0f", millis) : String.format("%.1f", millis);
    }
}
