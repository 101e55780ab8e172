package io.shoplens.app.charts;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Point2D;
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

    public ChartView() {
        getStyleClass().add("chart-view");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
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
        getChildren().add(viewer);
        setMinHeight(220);
        setPrefHeight(300);
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
