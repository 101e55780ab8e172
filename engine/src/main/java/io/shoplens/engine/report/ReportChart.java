package io.shoplens.engine.report;

import org.jfree.chart.JFreeChart;

/**
 * A chart of a report with the size it is drawn at (in points/CSS pixels). {@code id} is unique in
 * the report and stable between runs, so SVG definitions of two charts never collide and two
 * reports of the same run are byte-identical.
 */
public record ReportChart(String id, String caption, JFreeChart chart, int width, int height) {
}
