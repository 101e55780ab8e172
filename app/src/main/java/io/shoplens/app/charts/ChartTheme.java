package io.shoplens.app.charts;

import java.awt.Paint;
import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * The app's handle on ShopLens' one chart look. The look itself lives in the engine
 * ({@link io.shoplens.engine.charts.ChartTheme}) so reports rendered by the CLI look exactly like
 * the charts on screen.
 */
public final class ChartTheme {

    /** The series colours; {@code app.css} defines the same values as {@code -sl-series-0..5}. */
    public static final List<String> PALETTE = io.shoplens.engine.charts.ChartTheme.PALETTE;
    static final List<String> FONT_FAMILIES = io.shoplens.engine.charts.ChartTheme.FONT_FAMILIES;

    private ChartTheme() {
    }

    public static String fontFamily() {
        return io.shoplens.engine.charts.ChartTheme.fontFamily();
    }

    public static Paint[] seriesPaints() {
        return io.shoplens.engine.charts.ChartTheme.seriesPaints();
    }

    public static JFreeChart apply(JFreeChart chart) {
        return io.shoplens.engine.charts.ChartTheme.apply(chart);
    }
}
