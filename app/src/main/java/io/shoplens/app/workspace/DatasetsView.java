package io.shoplens.app.workspace;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;

/**
 * The datasets on the left, which is also the drop zone: empty, it says what to do (drop
 * files, Import…, Open the sample logs); with data, each dataset shows its counts and dates, and
 * below them the ids that datasets define differently, with the choice of which wins.
 */
public final class DatasetsView extends VBox {

    public DatasetsView(WorkspaceViewModel model, Messages messages) {
        super(8);
        setId("datasets");
        getStyleClass().add("datasets");
        Label title = new Label(messages.get("datasets.title"));
        title.getStyleClass().add(Styles.TITLE_4);

        ListView<DatasetInfo> list = new ListView<>(model.datasets());
        list.setId("dataset-list");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(DatasetInfo item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setContextMenu(null);
                    return;
                }
                Label name = new Label(item.name());
                name.getStyleClass().add("dataset-name");
                Label detail = new Label(messages.get("kind." + item.kind().id()) + "  ·  "
                        + messages.get("datasets.rows", item.rowsAccepted()));
                detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                VBox box = new VBox(2, name, detail);
                if (item.minDate() != null) {
                    Label dates = new Label(item.minDate() + " – " + item.maxDate());
                    dates.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                    box.getChildren().add(dates);
                }
                // Cells as wide as the list, never wider: long names end in "…" instead of
                // a horizontal scroll bar.
                setPrefWidth(0);
                name.setMinWidth(0);
                if (item.rowsRejected() > 0) {
                    Label rejected = new Label(messages.get("datasets.rejected", item.rowsRejected()));
                    rejected.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
                    box.getChildren().add(rejected);
                }
                setGraphic(box);
                MenuItem rename = new MenuItem(messages.get("dataset.rename"));
                rename.setOnAction(e -> model.rename(item));
                MenuItem remove = new MenuItem(messages.get("dataset.remove"));
                remove.setOnAction(e -> model.remove(item));
                setContextMenu(new ContextMenu(rename, remove));
            }
        });
        list.setPlaceholder(dropZone(model, messages));
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox conflicts = conflicts(model, messages);

        Label hint = new Label(messages.get("datasets.dropMore"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.visibleProperty().bind(model.hasDataProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        getChildren().addAll(title, list, conflicts, hint);
    }

    /**
     * Where datasets define ids differently: each conflict says which dataset wins and offers to
     * use the other instead or to remove the winner. Hidden while there is none.
     */
    private static VBox conflicts(WorkspaceViewModel model, Messages messages) {
        VBox box = new VBox(6);
        box.setId("dataset-conflicts");
        box.getStyleClass().add("dataset-conflicts");
        Runnable fill = () -> {
            box.getChildren().clear();
            if (model.conflicts().isEmpty()) {
                return;
            }
            Label title = new Label(messages.get("conflicts.title"));
            title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.WARNING);
            Label rule = new Label(messages.get("conflicts.rule"));
            rule.setWrapText(true);
            rule.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.getChildren().addAll(title, rule);
            for (ReferenceConflict c : model.conflicts()) {
                Label text = new Label(ConflictText.of(messages, c));
                text.setWrapText(true);
                text.getStyleClass().add(Styles.TEXT_SMALL);
                Button prefer = new Button(messages.get("conflicts.prefer", c.overridden().name()));
                prefer.getStyleClass().addAll(Styles.SMALL, "conflict-prefer");
                prefer.setOnAction(e -> model.prefer(c.overridden().id()));
                Button remove = new Button(messages.get("conflicts.remove", c.winner().name()));
                remove.getStyleClass().addAll(Styles.SMALL, "conflict-remove");
                remove.setOnAction(e -> model.remove(c.winner().id()));
                FlowPane actions = new FlowPane(6, 4, prefer, remove);
                box.getChildren().add(new VBox(4, text, actions));
            }
        };
        model.conflicts().addListener((ListChangeListener<ReferenceConflict>) change -> fill.run());
        fill.run();
        box.visibleProperty().bind(Bindings.isNotEmpty(model.conflicts()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static VBox dropZone(WorkspaceViewModel model, Messages messages) {
        Label icon = new Label("⇣");
        icon.getStyleClass().add("drop-icon");
        Label text = new Label(messages.get("datasets.drop"));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_BOLD);
        Label formats = new Label(messages.get("datasets.formats"));
        formats.setWrapText(true);
        formats.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button importFiles = new Button(messages.get("menu.import"));
        importFiles.setId("import-button");
        importFiles.setMaxWidth(Double.MAX_VALUE);
        importFiles.setOnAction(e -> model.chooseAndImport(false));
        Button samples = new Button(messages.get("samples.open"));
        samples.setId("open-samples");
        samples.getStyleClass().add(Styles.ACCENT);
        samples.setMaxWidth(Double.MAX_VALUE);
        samples.setOnAction(e -> model.openSamples());
        samples.setVisible(model.samplesAvailable());
        samples.setManaged(samples.isVisible());
        samples.disableProperty().bind(model.importingProperty());
        importFiles.disableProperty().bind(model.importingProperty());
        VBox zone = new VBox(10, icon, text, formats, samples, importFiles);
        zone.setAlignment(Pos.CENTER);
        zone.getStyleClass().add("drop-zone");
        zone.setMaxWidth(230);
        return zone;
    }
}
