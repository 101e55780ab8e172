package io.shoplens.app.preferences;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.app.preferences.EngineChoice.Kind;

/**
 * Preferences ▸ Engine: this computer (and how many cores), a Spark cluster, or a Spark Connect
 * server, each with Check connection; Save keeps the choice for the next start.
 */
public final class EngineDialog extends Dialog<Void> {

    private static final double CONTENT_WIDTH = 620;

    public EngineDialog(Window owner, Messages messages, EngineViewModel model) {
        initOwner(owner);
        setTitle(messages.get("engine.title"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getStylesheets().add(io.shoplens.app.ShopLensApp.STYLESHEET);

        ToggleGroup kinds = new ToggleGroup();
        RadioButton local = kindButton("engine-local", messages.get("engine.kind.LOCAL"), Kind.LOCAL, kinds);
        RadioButton cluster = kindButton("engine-cluster", messages.get("engine.kind.CLUSTER"), Kind.CLUSTER, kinds);
        RadioButton connect = kindButton("engine-connect", messages.get("engine.kind.CONNECT"), Kind.CONNECT, kinds);
        kinds.selectToggle(switch (model.kindProperty().get()) {
            case LOCAL -> local;
            case CLUSTER -> cluster;
            case CONNECT -> connect;
        });
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.kindProperty().set((Kind) now.getUserData());
            } else {
                // A radio button clicked a second time would leave none chosen.
                kinds.selectToggle(old);
            }
        });

        ComboBox<Integer> cores = new ComboBox<>(FXCollections.observableArrayList(model.coreChoices()));
        cores.setId("engine-cores");
        cores.setConverter(DisplayConverter.of(model::coresText));
        cores.valueProperty().bindBidirectional(model.coresProperty());
        TextField clusterUrl = Forms.textField("engine-cluster-url", model.clusterUrlProperty());
        clusterUrl.setPromptText("spark://HOST:7077");
        TextField connectUrl = Forms.textField("engine-connect-url", model.connectUrlProperty());
        connectUrl.setPromptText("sc://HOST:15002");
        Label clusterNote = Forms.note(messages.get("engine.cluster.note"));
        Label connectNote = Forms.note(messages.get("engine.connect.note"));
        enableFor(model, Kind.LOCAL, cores);
        enableFor(model, Kind.CLUSTER, clusterUrl, clusterNote);
        enableFor(model, Kind.CONNECT, connectUrl, connectNote);

        GridPane grid = Forms.labelledGrid(320);
        int row = 0;
        grid.addRow(row++, local, cores);
        grid.addRow(row++, cluster, clusterUrl);
        grid.add(clusterNote, 1, row++);
        grid.addRow(row++, connect, connectUrl);
        grid.add(connectNote, 1, row++);

        Button check = new Button(messages.get("engine.check"));
        check.setId("engine-check");
        check.disableProperty().bind(model.validProperty().not().or(model.checkingProperty()));
        check.setOnAction(e -> model.check());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.checkingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox checkRow = new HBox(10, check, busy);
        checkRow.setAlignment(Pos.CENTER_LEFT);
        // A Text, as in Live ▸ Connect: it wraps to as many lines as the answer needs.
        Text answer = new Text();
        answer.setId("engine-answer");
        answer.getStyleClass().add("live-check");
        answer.textProperty().bind(model.checkMessageProperty());
        model.verdictProperty().addListener((obs, old, verdict) -> {
            answer.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            if (verdict != null) {
                answer.getStyleClass().add(switch (verdict) {
                    case CONFIRMED -> Styles.SUCCESS;
                    case UNCONFIRMED -> Styles.WARNING;
                    case FAILED -> Styles.DANGER;
                });
            }
        });
        answer.visibleProperty().bind(answer.textProperty().isNotEmpty());
        answer.managedProperty().bind(answer.visibleProperty());
        answer.setWrappingWidth(CONTENT_WIDTH - 10);

        Label validation = new Label();
        validation.setId("engine-validation");
        validation.setWrapText(true);
        validation.setMinHeight(Region.USE_PREF_SIZE);
        validation.getStyleClass().add(Styles.DANGER);
        validation.textProperty().bind(model.validationErrorProperty());
        validation.visibleProperty().bind(validation.textProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());

        Label inUse = Forms.note(model.inUseText());
        inUse.setId("engine-in-use");

        VBox content = new VBox(12, grid, checkRow, answer, validation, inUse);
        content.setPrefWidth(CONTENT_WIDTH);
        getDialogPane().setContent(content);

        ButtonType saveType = new ButtonType(messages.get("engine.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(saveType, cancelType);
        Node save = getDialogPane().lookupButton(saveType);
        save.setId("engine-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.validProperty().not().or(model.changedProperty().not()));
        setResultConverter(button -> {
            if (button == saveType) {
                model.save();
            }
            return null;
        });
        answer.textProperty().addListener(o -> Forms.fitWindow(this));
        validation.textProperty().addListener(o -> Forms.fitWindow(this));
    }

    private static RadioButton kindButton(String id, String text, Kind kind, ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setUserData(kind);
        button.setToggleGroup(group);
        return button;
    }

    /** The fields of one kind take input only while that kind is chosen. */
    private static void enableFor(EngineViewModel model, Kind kind, Node... nodes) {
        for (Node node : nodes) {
            node.disableProperty().bind(model.kindProperty().isNotEqualTo(kind));
        }
    }
}
