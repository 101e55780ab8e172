package io.shoplens.engine.gmv;

import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import io.shoplens.engine.charts.BarLabels;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.ChartTheme;

/**
 * The GMV charts, drawn alike by the app's GMV explorer and by reports: the trend as small
 * multiples on one time axis, the breakdown as small multiples on one value axis, the bridge as a
 * waterfall, and paid against free traffic. Every chart goes through {@link ChartTheme}; the
 * app adds its tooltips (the identity with each point's numbers) on top.
 */
public final class GmvCharts {

    private static final Paint INVISIBLE = new Color(0, 0, 0, 0);
    private static final Color UP = Color.decode("#2da44e");
    private static final Color DOWN = Color.decode("#cf222e");
    private static final Color TOTAL = Color.decode(ChartTheme.PALETTE.get(0));

    private final ChartText words;
    private final GmvFormats formats;

    public GmvCharts(ChartText words) {
        this.words = words;
        this.formats = new GmvFormats(words.locale());
    }

    /**
     * GMV over sessions, conversion and AOV per day, a subplot each in that order. The bridge's base
     * and current periods (when given) are shaded, so the trend shows which days the bridge compares.
     */
    public JFreeChart trend(Map<LocalDate, GmvTotals> daily, DateRange base, DateRange current) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(days());
        plot.setGap(10);
        Paint[] paints = ChartTheme.seriesPaints();
        plot.add(factorPlot(daily, "gmv", GmvTotals::gmv, money(), paints[0]), 2);
        plot.add(factorPlot(daily, "sessions", t -> (double) t.sessions(), NumberFormat.getIntegerInstance(words.locale()),
                paints[1]), 1);
        plot.add(factorPlot(daily, "conversion", GmvTotals::conversion, percent(), paints[2]), 1);
        plot.add(factorPlot(daily, "aov", GmvTotals::aov, money(), paints[3]), 1);
        if (base != null && current != null) {
            XYPlot gmv = (XYPlot) plot.getSubplots().get(0);
            // The base's label at its left edge, the current's at its right: the two never meet,
            // however short or close the periods (both at the top left overlapped).
            gmv.addDomainMarker(period(base, words.get("period.base"), new Color(0x57606a), true), Layer.BACKGROUND);
            gmv.addDomainMarker(period(current, words.get("period.current"), TOTAL, false), Layer.BACKGROUND);
        }
        JFreeChart chart = ChartTheme.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        // The theme draws lines only; a dot per day shows where the tooltips are.
        List<XYPlot> subplots = plot.getSubplots();
        for (int i = 0; i < subplots.size(); i++) {
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) subplots.get(i).getRenderer();
            renderer.setSeriesShapesVisible(0, daily.size() <= 62);
            renderer.setSeriesPaint(0, paints[i]);
        }
        return chart;
    }

    private IntervalMarker period(DateRange range, String label, Color colour, boolean atLeft) {
        // Whole days: from the start of the first to the end of the last.
        long from = new Day(range.from().getDayOfMonth(), range.from().getMonthValue(), range.from().getYear())
                .getFirstMillisecond();
        long to = new Day(range.to().getDayOfMonth(), range.to().getMonthValue(), range.to().getYear())
                .getLastMillisecond();
        IntervalMarker marker = new IntervalMarker(from, to);
        marker.setPaint(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 28));
        marker.setLabel(label);
        marker.setLabelFont(new java.awt.Font(ChartTheme.fontFamily(), java.awt.Font.PLAIN, 11));
        marker.setLabelPaint(colour);
        marker.setLabelAnchor(atLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(atLeft ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        // CJK glyphs rise higher than Latin ones: 2 px clipped the top of 基期.
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(5, 4, 2, 4));
        return marker;
    }

    private XYPlot factorPlot(Map<LocalDate, GmvTotals> daily, String factor, Function<GmvTotals, Double> value,
                              NumberFormat format, Paint paint) {
        TimeSeries series = new TimeSeries(words.get("series." + factor));
        daily.forEach((date, t) -> series.add(new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear()),
                value.apply(t)));
        NumberAxis axis = new NumberAxis(axisLabel(factor));
        axis.setNumberFormatOverride(format);
        axis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, paint);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        return new XYPlot(new TimeSeriesCollection(series), null, axis, renderer);
    }

    /** Sessions, conversion, AOV and GMV per value, one bar plot each over the same values. */
    public JFreeChart breakdown(Map<String, GmvTotals> values) {
        CategoryAxis axis = new CategoryAxis();
        if (values.size() > 7) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(axis);
        plot.setGap(8);
        Paint[] paints = ChartTheme.seriesPaints();
        plot.add(barPlot(values, "sessions", t -> (double) t.sessions(), NumberFormat.getIntegerInstance(words.locale()),
                paints[1]), 1);
        plot.add(barPlot(values, "conversion", GmvTotals::conversion, percent(), paints[2]), 1);
        plot.add(barPlot(values, "aov", GmvTotals::aov, money(), paints[3]), 1);
        plot.add(barPlot(values, "gmv", GmvTotals::gmv, money(), paints[0]), 1);
        JFreeChart chart = ChartTheme.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        int[] colours = {1, 2, 3, 0};
        List<CategoryPlot> subplots = plot.getSubplots();
        for (int i = 0; i < subplots.size(); i++) {
            BarRenderer bars = (BarRenderer) subplots.get(i).getRenderer();
            bars.setMaximumBarWidth(0.08);
            bars.setSeriesPaint(0, paints[colours[i]]);
        }
        return chart;
    }

    private CategoryPlot barPlot(Map<String, GmvTotals> values, String factor, Function<GmvTotals, Double> value,
                                 NumberFormat format, Paint paint) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String name = words.get("series." + factor);
        values.forEach((v, t) -> data.addValue(value.apply(t), name, v));
        NumberAxis range = new NumberAxis(axisLabel(factor));
        range.setNumberFormatOverride(format);
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, paint);
        return new CategoryPlot(data, null, range, renderer);
    }

    /** Small multiples have little room beside them: "AOV", not "Average order value". */
    private String axisLabel(String factor) {
        return words.get("axis." + factor);
    }

    /** Base GMV, the three effects floating on the running total, current GMV. */
    public JFreeChart waterfall(Lmdi.BridgeRow row) {
        Waterfall waterfall = Waterfall.of(row);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String hidden = "";
        String total = words.get("waterfall.total");
        String up = words.get("waterfall.up");
        String down = words.get("waterfall.down");
        for (Waterfall.Bar bar : waterfall.bars()) {
            String label = words.get("waterfall." + bar.key());
            data.addValue(bar.kind() == Waterfall.Kind.TOTAL ? 0.0 : bar.low(), hidden, label);
            data.addValue(bar.kind() == Waterfall.Kind.TOTAL ? bar.height() : 0.0, total, label);
            data.addValue(bar.kind() == Waterfall.Kind.INCREASE ? bar.height() : 0.0, up, label);
            data.addValue(bar.kind() == Waterfall.Kind.DECREASE ? bar.height() : 0.0, down, label);
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(words.get("series.gmv")),
                new StackedBarRenderer());
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(money());
        // Effects are a few percent of GMV: from zero they would be slivers. Start the axis below
        // the lowest running total, as bridge charts do, so the totals stand cut and the effects show.
        double low = Double.MAX_VALUE;
        double high = 0;
        for (Waterfall.Bar bar : waterfall.bars()) {
            low = Math.min(low, bar.kind() == Waterfall.Kind.TOTAL ? bar.end() : bar.low());
            high = Math.max(high, bar.kind() == Waterfall.Kind.TOTAL ? bar.end() : bar.low() + bar.height());
        }
        double span = Math.max(high - low, high * 0.01);
        if (low > 0 && span < high * 0.5) {
            axis.setRange(Math.max(0, low - span * 1.5), high + span * 0.6);
        }
        JFreeChart chart = ChartTheme.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        renderer.setMaximumBarWidth(0.16);
        renderer.setSeriesPaint(0, INVISIBLE);
        renderer.setSeriesPaint(1, TOTAL);
        renderer.setSeriesPaint(2, UP);
        renderer.setSeriesPaint(3, DOWN);
        // Totals as money, effects signed; nothing on the invisible base each effect floats on.
        renderer.setDefaultItemLabelGenerator(new BarLabels((dataset, r, c) -> r == 0 ? null
                : formats.bar(waterfall.bars().get(c))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setSeriesItemLabelsVisible(0, false);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultItemLabelFont(new java.awt.Font(ChartTheme.fontFamily(), java.awt.Font.PLAIN, 11));
        return chart;
    }

    /** Paid and free traffic's GMV per day. */
    public JFreeChart paidFree(Map<LocalDate, GmvTotals> paid, Map<LocalDate, GmvTotals> free) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(gmvSeries(words.get("side.paid"), paid));
        data.addSeries(gmvSeries(words.get("side.free"), free));
        NumberAxis axis = new NumberAxis(words.get("series.gmv"));
        axis.setNumberFormatOverride(money());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, days(), axis, renderer);
        return ChartTheme.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** Each side's effects side by side: how much of the change paid and free traffic explain. */
    public JFreeChart sideEffects(Lmdi.BridgeRow paid, Lmdi.BridgeRow free) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String key : List.of("traffic", "conversion", "aov", "delta")) {
            String label = words.get("waterfall." + key);
            data.addValue(effect(paid, key), words.get("side.paid"), label);
            data.addValue(effect(free, key), words.get("side.free"), label);
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(words.get("series.gmv")),
                new BarRenderer());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(money());
        return ChartTheme.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static double effect(Lmdi.BridgeRow row, String key) {
        return switch (key) {
            case "traffic" -> row.trafficEffect();
            case "conversion" -> row.conversionEffect();
            case "aov" -> row.aovEffect();
            default -> row.delta();
        };
    }

    /** A time axis in whole days: over a few days the default ticks are hours, each labelled with its day. */
    private static DateAxis days() {
        DateAxis time = new DateAxis();
        time.setDateFormatOverride(new java.text.SimpleDateFormat("MM-dd"));
        TickUnits units = new TickUnits();
        for (int days : new int[] {1, 2, 7, 14, 28, 56, 112}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days));
        }
        time.setStandardTickUnits(units);
        return time;
    }

    private static TimeSeries gmvSeries(String name, Map<LocalDate, GmvTotals> daily) {
        TimeSeries series = new TimeSeries(name);
        daily.forEach((date, t) -> series.add(new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear()),
                t.gmv()));
        return series;
    }

    private NumberFormat money() {
        return new DecimalFormat("¥#,##0.##", java.text.DecimalFormatSymbols.getInstance(words.locale()));
    }

    private NumberFormat percent() {
        NumberFormat format = NumberFormat.getPercentInstance(words.locale());
        format.setMaximumFractionDigits(1);
        return format;
    }
}
