package io.shoplens.app.analysis;

import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

/** The parameter panels' layout: a label over its control, sections with a small heading. */
public final class Forms {

    private Forms() {
    }

    /**
     * A dialog's two-column form: labels of at least 150 px, then fields that take the rest and
     * are at least {@code fieldMinWidth} wide.
     */
    public static GridPane labelledGrid(double fieldMinWidth) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(fieldMinWidth);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** A text field bound both ways to {@code text}, with the id UI tests find it by. */
    public static TextField textField(String id, StringProperty text) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    /** A label (with an optional value at its right, e.g. the chosen age range) over its controls. */
    public static VBox field(String label, Node... controls) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        // Long captions (and the Chinese ones) wrap in the narrow panel instead of ending in "…".
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4);
        if (controls.length > 1 && controls[0] instanceof Label value) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox head = new HBox(caption, spacer, value);
            head.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(head);
            for (int i = 1; i < controls.length; i++) {
                box.getChildren().add(controls[i]);
            }
        } else {
            box.getChildren().add(caption);
            box.getChildren().addAll(controls);
        }
        return box;
    }

    public static VBox section(String heading, Node... content) {
        Label title = new Label(heading);
        title.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-heading");
        VBox box = new VBox(10);
        box.getChildren().add(new Separator());
        box.getChildren().add(title);
        box.getChildren().addAll(content);
        return box;
    }

    /** A dialog's small, muted note that wraps. */
    public static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        // Without it the window's sizeToScene (after an answer or a validation message) cut the
        // wrapped notes to one line with an ellipsis.
        note.setMinHeight(Region.USE_PREF_SIZE);
        return note;
    }

    /** Sizes {@code dialog}'s window to its content again, once what changed its height is laid out. */
    public static void fitWindow(Dialog<?> dialog) {
        Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }
}
