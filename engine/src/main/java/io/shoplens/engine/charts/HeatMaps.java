package io.shoplens.engine.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * Grids of named cells coloured by their value, each cell labelled with its number (and, when
 * given, a name above it): the R×F grid, a from→to matrix. Light for little, the first series
 * colour for the most, so the shape reads at a glance and the labels give the exact numbers.
 */
public final class HeatMaps {

    private static final Color EMPTY = new Color(0xf6f8fa);
    private static final Color FULL = Color.decode(ChartTheme.PALETTE.get(0));

    private HeatMaps() {
    }

    /**
     * @param columns names left to right
     * @param rows    names bottom to top
     * @param values  {@code values[row][column]}
     * @param labels  the text of each value (null or empty: no label)
     * @param names   a name drawn above each cell's value, or null for none
     */
    public static JFreeChart grid(String columnAxis, List<String> columns, String rowAxis, List<String> rows,
                                  double[][] values, String[][] labels, String[][] names) {
        int cells = rows.size() * columns.size();
        double[][] xyz = new double[3][cells];
        double max = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                int i = r * columns.size() + c;
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = values[r][c];
                max = Math.max(max, values[r][c]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("cells", xyz);
        SymbolAxis x = new SymbolAxis(columnAxis, columns.toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(rowAxis, rows.toArray(String[]::new));
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        x.setVerticalTickLabels(columns.size() > 6);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new Shades(max));
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> tooltip((XYZDataset) dataset, item, columns,
                rows));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = ChartTheme.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // After the theme, which would give every annotation its own font and colour.
        Font value = new Font(ChartTheme.fontFamily(), Font.BOLD, 12);
        Font name = new Font(ChartTheme.fontFamily(), Font.PLAIN, 10);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                boolean dark = max > 0 && values[r][c] > 0.55 * max;
                boolean named = names != null && names[r][c] != null;
                if (labels[r][c] != null && !labels[r][c].isEmpty()) {
                    plot.addAnnotation(label(labels[r][c], c, named ? r - 0.12 : r, value, dark));
                }
                if (named) {
                    plot.addAnnotation(label(names[r][c], c, r + 0.18, name, dark));
                }
            }
        }
        return chart;
    }

    private static XYTextAnnotation label(String text, double x, double y, Font font, boolean onDark) {
        XYTextAnnotation label = new XYTextAnnotation(text, x, y);
        label.setFont(font);
        label.setPaint(onDark ? Color.WHITE : ChartTheme.TEXT);
        label.setTextAnchor(TextAnchor.CENTER);
        return label;
    }

    private static String tooltip(XYZDataset data, int item, List<String> columns, List<String> rows) {
        int c = (int) Math.round(data.getXValue(0, item));
        int r = (int) Math.round(data.getYValue(0, item));
        return rows.get(r) + " → " + columns.get(c) + " = " + Charts.exact().format(data.getZValue(0, item));
    }

    /** From {@link #EMPTY} at 0 to {@link #FULL} at the largest value. */
    private record Shades(double upper) implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper > 0 ? upper : 1;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value / getUpperBound()));
            return new Color(mix(EMPTY.getRed(), FULL.getRed(), t), mix(EMPTY.getGreen(), FULL.getGreen(), t),
                    mix(EMPTY.getBlue(), FULL.getBlue(), t));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
