package io.shoplens.app.funnel;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.funnel.FunnelStep.Kind;

/**
 * The funnel's steps as editable rows: a kind, its id or keyword (categories offered from the
 * workspace), up, down and remove; a row dragged by its number onto another moves it there.
 * The rows are rebuilt when steps are added, removed or moved, not while one is edited, so the
 * field being typed in keeps its focus.
 */
final class StepEditor extends VBox {

    private static final String DRAG_PREFIX = "funnel-step:";

    private final FunnelViewModel model;
    private final Messages messages;
    private final VBox rows = new VBox(8);
    /** Undoes what the current rows hooked onto the steps, so rebuilt rows leave nothing behind. */
    private final java.util.List<Runnable> unhook = new java.util.ArrayList<>();

    StepEditor(FunnelViewModel model, Messages messages) {
        super(8);
        this.model = model;
        this.messages = messages;
        setId("funnel-steps");
        Button add = new Button(messages.get("funnel.step.add"));
        add.setId("funnel-step-add");
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> model.addStep());
        getChildren().addAll(rows, add);
        model.steps().addListener((ListChangeListener<StepDraft>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                    rebuild();
                    return;
                }
            }
        });
        model.choicesProperty().addListener((obs, old, choices) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        unhook.forEach(Runnable::run);
        unhook.clear();
        rows.getChildren().clear();
        for (int i = 0; i < model.steps().size(); i++) {
            rows.getChildren().add(row(i, model.steps().get(i)));
        }
    }

    private VBox row(int index, StepDraft draft) {
        Label number = new Label((index + 1) + ".");
        number.setMinWidth(22);
        number.getStyleClass().add("funnel-step-handle");
        number.setTooltip(new Tooltip(messages.get("funnel.step.drag")));

        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId("funnel-step-kind-" + (index + 1));
        kind.getItems().setAll(Kind.values());
        kind.setConverter(DisplayConverter.of(value -> messages.get("funnel.kind." + value.name())));
        kind.valueProperty().bindBidirectional(draft.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(kind, Priority.ALWAYS);

        Button up = small("▲", "funnel.step.up", index > 0, () -> model.moveStep(index, index - 1));
        Button down = small("▼", "funnel.step.down", index < model.steps().size() - 1,
                () -> model.moveStep(index, index + 1));
        Button remove = small("✕", "funnel.step.remove", model.steps().size() > 2, () -> model.removeStep(index));
        // The kind gets the panel's width; its id or keyword and the moves share the line below.
        HBox head = new HBox(4, number, kind);
        head.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> target = new ComboBox<>();
        target.setId("funnel-step-target-" + (index + 1));
        target.setEditable(true);
        target.setMaxWidth(Double.MAX_VALUE);
        target.getEditor().textProperty().bindBidirectional(draft.targetProperty());
        Runnable kindChanged = () -> {
            Kind k = draft.kindProperty().get();
            boolean shown = k != null && StepDraft.takesTarget(k);
            target.setVisible(shown);
            target.setManaged(shown);
            target.getItems().setAll(k == null ? java.util.List.of() : model.targetChoices(k));
            target.setPromptText(k == Kind.SEARCH ? messages.get("funnel.step.keyword") : messages.get("funnel.step.id"));
        };
        javafx.beans.InvalidationListener onKind = obs -> kindChanged.run();
        draft.kindProperty().addListener(onKind);
        unhook.add(() -> {
            draft.kindProperty().removeListener(onKind);
            kind.valueProperty().unbindBidirectional(draft.kindProperty());
            target.getEditor().textProperty().unbindBidirectional(draft.targetProperty());
        });
        kindChanged.run();

        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(target, Priority.ALWAYS);
        spacer.visibleProperty().bind(target.visibleProperty().not());
        spacer.managedProperty().bind(spacer.visibleProperty());
        HBox tail = new HBox(4, target, spacer, up, down, remove);
        tail.setAlignment(Pos.CENTER_LEFT);
        tail.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        VBox row = new VBox(4, head, tail);
        row.getStyleClass().add("funnel-step");
        dragAndDrop(row, number, index);
        return row;
    }

    private Button small(String text, String tooltipKey, boolean enabled, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setTooltip(new Tooltip(messages.get(tooltipKey)));
        button.setDisable(!enabled);
        button.setOnAction(e -> action.run());
        return button;
    }

    private void dragAndDrop(VBox row, Label handle, int index) {
        handle.setOnDragDetected(e -> {
            Dragboard board = handle.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + index);
            board.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        row.setOnDragDropped(e -> {
            String text = e.getDragboard().getString();
            boolean done = text != null && text.startsWith(DRAG_PREFIX);
            if (done) {
                model.moveStep(Integer.parseInt(text.substring(DRAG_PREFIX.length())), index);
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
