package io.shoplens.engine.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * ShopLens' one look for JFreeChart, on screen and in reports: flat bars, a white plot with a
 * light grid, the palette of the app's CSS ({@code app.css}, {@code -sl-series-N}) and a font
 * that has CJK glyphs, so Chinese area names and keywords render.
 */
public final class ChartTheme {

    /** The series colours; {@code app.css} defines the same values as {@code -sl-series-0..5}. */
    public static final List<String> PALETTE = List.of("#2f6feb", "#f0883e", "#2da44e", "#a371f7", "#db61a2",
            "#1b7c83");
    public static final Color TEXT = new Color(0x24292f);
    public static final Color MUTED = new Color(0x57606a);
    public static final Color GRID = new Color(0xd8dee4);

    /** Preferred fonts, first present wins; the logical SansSerif last (maps to a CJK font where one is installed). */
    public static final List<String> FONT_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", Font.SANS_SERIF);

    private static final String FAMILY = pickFamily();
    private static final StandardChartTheme THEME = build();

    private ChartTheme() {
    }

    /** The font family charts use (the first of {@link #FONT_FAMILIES} installed). */
    public static String fontFamily() {
        return FAMILY;
    }

    public static Paint[] seriesPaints() {
        return PALETTE.stream().map(Color::decode).toArray(Paint[]::new);
    }

    /** Applies the theme to {@code chart} (and returns it); every chart of the app goes through here. */
    public static JFreeChart apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(8, 4, 4, 12));
        if (plot instanceof CategoryPlot category) {
            styleCategory(category);
        }
        if (plot instanceof XYPlot xy) {
            styleXY(xy);
        }
        // Small multiples: the shared axis belongs to the combined plot, grids and bars to each subplot.
        if (plot instanceof CombinedDomainCategoryPlot combined) {
            for (Object subplot : combined.getSubplots()) {
                styleCategory((CategoryPlot) subplot);
            }
        }
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (Object subplot : combined.getSubplots()) {
                styleXY((XYPlot) subplot);
            }
        }
        return chart;
    }

    private static void styleCategory(CategoryPlot category) {
        category.setRangeGridlineStroke(new BasicStroke(1f));
        category.setDomainGridlinesVisible(false);
        CategoryAxis axis = category.getDomainAxis();
        axis.setCategoryMargin(0.2);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
        for (int i = 0; i < category.getRendererCount(); i++) {
            CategoryItemRenderer renderer = category.getRenderer(i);
            if (renderer instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(false);
                bars.setItemMargin(0.04);
                bars.setMaximumBarWidth(0.12);
            }
        }
    }

    private static void styleXY(XYPlot xy) {
        xy.setRangeGridlineStroke(new BasicStroke(1f));
        xy.setDomainGridlineStroke(new BasicStroke(1f));
        for (int i = 0; i < xy.getRendererCount(); i++) {
            XYItemRenderer renderer = xy.getRenderer(i);
            if (renderer instanceof XYLineAndShapeRenderer lines) {
                lines.setDefaultStroke(new BasicStroke(2f));
                lines.setAutoPopulateSeriesStroke(false);
                lines.setDefaultShapesVisible(false);
            }
        }
    }

    private static StandardChartTheme build() {
        StandardChartTheme theme = new StandardChartTheme("ShopLens", false);
        theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 15));
        theme.setLargeFont(new Font(FAMILY, Font.BOLD, 13));
        theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 12));
        theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 11));
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(MUTED);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(TEXT);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(MUTED);
        theme.setTickLabelPaint(MUTED);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setItemLabelPaint(TEXT);
        Paint[] paints = seriesPaints();
        theme.setDrawingSupplier(new DefaultDrawingSupplier(paints, paints, paints,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return theme;
    }

    private static String pickFamily() {
        Set<String> installed;
        try {
            installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .collect(Collectors.toSet());
        } catch (RuntimeException | Error e) {
            // Headless AWT without fontconfig: the logical font is all there is.
            return Font.SANS_SERIF;
        }
        return FONT_FAMILIES.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
    }
}
