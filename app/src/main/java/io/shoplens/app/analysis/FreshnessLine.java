package io.shoplens.app.analysis;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

import io.shoplens.app.common.Messages;

/**
 * The line over a view's results while they answer other filters or data than the window's, and
 * while a newer answer is on its way, so an old result is never taken for the current one.
 */
public final class FreshnessLine {

    private FreshnessLine() {
    }

    public static Node of(ObservableBooleanValue running, ObservableBooleanValue stale, ObservableBooleanValue hasResult,
                          Messages messages) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(running);
        busy.managedProperty().bind(busy.visibleProperty());
        Label text = new Label();
        text.setId("stale-note");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.when(running)
                .then(messages.get("stale.updating")).otherwise(messages.get("stale.otherFilters")));
        HBox line = new HBox(8, busy, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setId("stale-line");
        line.getStyleClass().add("stale-line");
        line.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> hasResult.get() && (stale.get() || running.get()), hasResult, stale, running));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }
}
