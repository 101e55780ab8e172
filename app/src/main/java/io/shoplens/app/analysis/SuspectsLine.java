package io.shoplens.app.analysis;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import io.shoplens.app.common.Messages;

/**
 * The sentence that says what the fake-order suspects make of a view's numbers, with "Leave them
 * out" while they are in and change something. Shown only while there is a sentence.
 */
public final class SuspectsLine {

    private SuspectsLine() {
    }

    /**
     * @param id the view's id: the sentence is {@code <id>-suspects}, the link {@code <id>-exclude-suspects}
     */
    public static HBox of(String id, ObservableStringValue text, ObservableBooleanValue canExclude, Runnable exclude,
                          Messages messages) {
        Label sentence = new Label();
        sentence.setId(id + "-suspects");
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        sentence.textProperty().bind(text);
        Hyperlink leaveOut = new Hyperlink(messages.get("overview.suspects.leaveOut"));
        leaveOut.setId(id + "-exclude-suspects");
        leaveOut.visibleProperty().bind(canExclude);
        leaveOut.managedProperty().bind(leaveOut.visibleProperty());
        leaveOut.setOnAction(e -> exclude.run());
        // The link keeps its whole text; the sentence wraps instead.
        leaveOut.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(6, sentence, leaveOut);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        line.setAlignment(Pos.BASELINE_LEFT);
        line.getStyleClass().add("suspects-line");
        line.visibleProperty().bind(sentence.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** As {@link #of}, for a line that needs no id of its own beside the view's. */
    static Node under(String id, AnalysisViewModel model, Messages messages) {
        return of(id, model.suspectsProperty(), model.canExcludeSuspectsProperty(), model::excludeSuspects, messages);
    }
}
