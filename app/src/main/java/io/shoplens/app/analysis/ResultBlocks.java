package io.shoplens.app.analysis;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

/** The pieces of a results page, shared by the analyses and the live view: titled blocks and the empty state. */
public final class ResultBlocks {

    private ResultBlocks() {
    }

    /** A block of the result area: a heading (none when null, e.g. a table that names itself), then its content. */
    public static VBox block(String title, Node... content) {
        VBox box = new VBox(8);
        if (title != null) {
            Label heading = new Label(title);
            heading.getStyleClass().add(Styles.TITLE_4);
            box.getChildren().add(heading);
        }
        box.getStyleClass().add("result-block");
        box.getChildren().addAll(content);
        return box;
    }

    /** What the result area says while it has nothing to show: a title and a hint of what to do. */
    public static VBox emptyState(ObservableStringValue title, ObservableStringValue hint) {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.textProperty().bind(title);
        Label text = new Label();
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        text.setMaxWidth(440);
        text.textProperty().bind(hint);
        VBox box = new VBox(8, heading, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
