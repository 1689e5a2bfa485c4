package cn.duban.supervision.papers;

import cn.duban.supervision.view.Bulletin;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.Date;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The bulletin's charts (JFreeChart), drawn to PNG at twice their size so they stay sharp on paper. */
public final class BulletinCharts {
    static final Color GREEN = new Color(0x2E, 0x9E, 0x5B);
    static final Color YELLOW = new Color(0xE8, 0xB0, 0x0C);
    static final Color RED = new Color(0xD6, 0x36, 0x36);
    public static final int WIDTH = 640;
    public static final int HEIGHT = 300;

    private final StandardChartTheme theme;

    public BulletinCharts(PaperFonts fonts) {
        Font font = fonts.chart();
        theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 15f));
        theme.setLargeFont(font.deriveFont(13f));
        theme.setRegularFont(font.deriveFont(11f));
        theme.setSmallFont(font.deriveFont(10f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
    }

    /** 各领域任务亮灯情况: green, yellow and red stacked per sector. */
    public byte[] lightsBySector(Bulletin bulletin) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bulletin.SectorLine line : bulletin.sectors()) {
            data.addValue(line.totals().green(), "绿灯", line.name());
            data.addValue(line.totals().yellow(), "黄灯", line.name());
            data.addValue(line.totals().red(), "红灯", line.name());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("各领域任务亮灯情况（截至" + bulletin.asOf() + "）",
                null, "任务数（项）", data, PlotOrientation.VERTICAL, true, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, GREEN);
        renderer.setSeriesPaint(1, YELLOW);
        renderer.setSeriesPaint(2, RED);
        renderer.setMaximumBarWidth(0.12);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    /** 红黄灯任务走势: the RED and YELLOW counts at the end of each week of the year. */
    public byte[] redYellowTrend(Bulletin bulletin) {
        TimeSeries red = new TimeSeries("红灯");
        TimeSeries yellow = new TimeSeries("黄灯");
        for (Bulletin.TrendPoint point : bulletin.trend()) {
            Day day = new Day(point.day().getDayOfMonth(), point.day().getMonthValue(), point.day().getYear());
            red.addOrUpdate(day, point.red());
            yellow.addOrUpdate(day, point.yellow());
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(red);
        data.addSeries(yellow);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(bulletin.asOf().getYear() + "年红黄灯任务走势（每周末）",
                null, "任务数（项）", data, true, false, false);
        theme.apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, RED);
        renderer.setSeriesPaint(1, YELLOW);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        renderer.setSeriesStroke(1, new BasicStroke(2.2f));
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat monthDay = new SimpleDateFormat("M月d日");
        monthDay.setTimeZone(java.util.TimeZone.getTimeZone(ZoneOffset.ofHours(8)));
        axis.setDateFormatOverride(monthDay);
        axis.setMinimumDate(Date.from(bulletin.asOf().withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.ofHours(8))));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    public static float heightRatio() {
        return (float) HEIGHT / WIDTH;
    }

    private static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, 2, 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("a chart could not be drawn", e);
        }
    }
}
