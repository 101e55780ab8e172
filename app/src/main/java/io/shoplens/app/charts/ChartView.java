package io.shoplens.app.charts;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * A JFreeChart in the scene: one {@link ChartViewer} that can be given a new chart, and tells
 * which category (column key) a click landed on, so a view can filter its table.
 */
public final class ChartView extends StackPane {

    private final ChartViewer viewer = new ChartViewer(null);
    private Consumer<String> onCategoryClicked = key -> {
    };
    private Point2D lastClick;

    public ChartView() {
        getStyleClass().add("chart-view");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                lastClick = new Point2D(event.getTrigger().getScreenX(), event.getTrigger().getScreenY());
                if (event.getEntity() instanceof CategoryItemEntity item) {
                    onCategoryClicked.accept(String.valueOf(item.getColumnKey()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        // The wheel scrolls the results page, as everywhere else; JFreeChart's viewer would zoom
        // the chart instead and leave it cut off. Hand the event to the page (this node's parents).
        viewer.getCanvas().addEventFilter(ScrollEvent.SCROLL, event -> {
            event.consume();
            fireEvent(event.copyFor(this, this));
        });
        exportMenu();
        getChildren().add(viewer);
        setMinHeight(220);
        setPrefHeight(300);
    }

    /**
     * Right-click ▸ Export as PNG, SVG or PDF, replacing JFreeChart's own menu. The exporter
     * comes from an ancestor (the main window) so views keep building charts with {@code new ChartView()}.
     */
    private void exportMenu() {
        ContextMenu menu = viewer.getContextMenu();
        MenuItem png = new MenuItem("PNG…");
        MenuItem svg = new MenuItem("SVG…");
        MenuItem pdf = new MenuItem("PDF…");
        menu.getItems().setAll(png, svg, pdf);
        menu.setOnShowing(e -> {
            Optional<ChartExports> exports = exports();
            exports.ifPresent(x -> {
                png.setText(x.messages().get("export.chart.png"));
                svg.setText(x.messages().get("export.chart.svg"));
                pdf.setText(x.messages().get("export.chart.pdf"));
            });
            for (MenuItem item : menu.getItems()) {
                item.setDisable(exports.isEmpty() || getChart() == null);
            }
        });
        png.setOnAction(e -> export(ChartExports.Format.PNG));
        svg.setOnAction(e -> export(ChartExports.Format.SVG));
        pdf.setOnAction(e -> export(ChartExports.Format.PDF));
    }

    private void export(ChartExports.Format format) {
        JFreeChart chart = getChart();
        if (chart != null) {
            exports().ifPresent(x -> x.export(chart, format, getId() == null ? "chart" : getId()));
        }
    }

    private Optional<ChartExports> exports() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (n.getProperties().get(ChartExports.KEY) instanceof ChartExports exports) {
                return Optional.of(exports);
            }
        }
        return Optional.empty();
    }

    public void setChart(JFreeChart chart) {
        viewer.setChart(chart);
    }

    public JFreeChart getChart() {
        return viewer.getChart();
    }

    /** Called with the column key of a clicked bar. */
    public void setOnCategoryClicked(Consumer<String> action) {
        this.onCategoryClicked = action;
    }

    /** Where the chart was last clicked, in screen coordinates (a menu for the clicked bar opens there); null before. */
    public Point2D lastClickOnScreen() {
        return lastClick;
    }

    /** Where a bar was last drawn, in screen coordinates (UI tests click it). */
    public Optional<Point2D> barCenterOnScreen(String columnKey) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getEntityCollection() == null) {
            return Optional.empty();
        }
        for (Object entity : info.getEntityCollection().getEntities()) {
            if (entity instanceof CategoryItemEntity item && String.valueOf(item.getColumnKey()).equals(columnKey)) {
                var bounds = item.getArea().getBounds2D();
                return Optional.ofNullable(viewer.getCanvas().localToScreen(bounds.getCenterX(), bounds.getCenterY()));
            }
        }
        return Optional.empty();
    }
}
