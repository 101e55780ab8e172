package io.shoplens.app.live;

import java.io.File;
import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;

/**
 * Live ▸ Connect: a saved connection to pick (or a new one), the Kafka settings, Test connection
 * with its answer inline, and Connect. The password stays in its field until Test or Connect
 * lends it as a {@code char[]}; the field is cleared when the dialog closes.
 */
public final class ConnectDialog extends Dialog<LiveConnection> {

    private static final double CONTENT_WIDTH = 600;

    public ConnectDialog(Window owner, Messages messages, ConnectViewModel model) {
        initOwner(owner);
        setTitle(messages.get("live.connect.title"));
        setHeaderText(messages.get(model.content().headerKey()));
        setResizable(true);
        getDialogPane().getStylesheets().add(io.shoplens.app.ShopLensApp.STYLESHEET);
        getDialogPane().getStyleClass().add("connect-dialog");

        ComboBox<KafkaSettings> saved = new ComboBox<>(model.savedConnections());
        saved.setId("live-saved");
        saved.setPromptText(messages.get("live.connect.savedPrompt"));
        saved.setConverter(DisplayConverter.of(s -> s.name()));
        saved.valueProperty().bindBidirectional(model.selectedProperty());
        saved.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(saved, Priority.ALWAYS);
        Button save = new Button(messages.get("live.connect.save"));
        save.setId("live-save");
        save.disableProperty().bind(model.validProperty().not());
        save.setOnAction(e -> model.save());
        Button remove = new Button(messages.get("live.connect.remove"));
        remove.setId("live-remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(model.selectedProperty().isNull());
        remove.setOnAction(e -> model.remove());
        HBox savedRow = new HBox(8, saved, save, remove);
        savedRow.setAlignment(Pos.CENTER_LEFT);

        TextField name = Forms.textField("live-name", model.nameProperty());
        TextField servers = Forms.textField("live-bootstrap", model.bootstrapServersProperty());
        servers.setPromptText("host:port, host:port");
        TextField topic = Forms.textField("live-topic", model.topicProperty());
        TextField group = Forms.textField("live-group", model.consumerGroupProperty());
        ComboBox<StartingOffsets> offsets = choice("live-offsets", StartingOffsets.values(),
                model.startingOffsetsProperty(), v -> messages.get("live.offsets." + v.name()));
        ComboBox<MessageFormat> format = choice("live-format", MessageFormat.values(), model.formatProperty(),
                v -> messages.get("live.format." + v.name()));
        ComboBox<SecurityProtocol> protocol = choice("live-protocol", SecurityProtocol.values(),
                model.protocolProperty(), SecurityProtocol::name);

        ComboBox<String> mechanism = new ComboBox<>(FXCollections.observableArrayList(
                "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"));
        mechanism.setId("live-mechanism");
        mechanism.setEditable(true);
        mechanism.setMaxWidth(Double.MAX_VALUE);
        mechanism.valueProperty().bindBidirectional(model.saslMechanismProperty());
        TextField user = Forms.textField("live-username", model.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("live-password");
        model.passwordEnteredProperty().bind(password.textProperty().isNotEmpty());
        Label passwordNote = Forms.note(messages.get("live.connect.passwordNote"));
        for (Node sasl : new Node[] {mechanism, user, password}) {
            sasl.disableProperty().bind(model.saslEnabledProperty().not());
        }
        passwordNote.disableProperty().bind(model.saslEnabledProperty().not());

        TextField truststore = Forms.textField("live-truststore", model.truststoreProperty());
        truststore.setPromptText(messages.get("live.connect.truststorePrompt"));
        HBox.setHgrow(truststore, Priority.ALWAYS);
        Button browse = new Button(messages.get("live.connect.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("live.connect.truststore"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(messages.get("live.connect.filter.pem"), "*.pem", "*.crt",
                            "*.cer"),
                    new FileChooser.ExtensionFilter(messages.get("live.connect.filter.truststore"), "*.jks", "*.p12",
                            "*.pfx"),
                    new FileChooser.ExtensionFilter(messages.get("import.filter.all"), "*"));
            File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                model.truststoreProperty().set(file.getPath());
            }
        });
        HBox truststoreRow = new HBox(8, truststore, browse);
        truststoreRow.disableProperty().bind(model.tlsEnabledProperty().not());

        GridPane grid = Forms.labelledGrid(300);
        int row = 0;
        grid.addRow(row++, label(messages, "live.connect.saved"), savedRow);
        grid.add(new Separator(), 0, row++, 2, 1);
        grid.addRow(row++, label(messages, "live.connect.name"), name);
        grid.addRow(row++, label(messages, "live.connect.bootstrap"), servers);
        grid.addRow(row++, label(messages, "live.connect.topic"), topic);
        grid.addRow(row++, label(messages, "live.connect.group"), group);
        grid.addRow(row++, label(messages, "live.connect.offsets"), offsets);
        Label formatLabel = label(messages, "live.connect.format");
        Node formatHint = Forms.note(messages.get("live.connect.formatHint"));
        grid.addRow(row++, formatLabel, format);
        grid.add(formatHint, 1, row++);
        for (Node n : List.of(formatLabel, format, formatHint)) {
            n.setVisible(model.content().asksFormat());
            n.setManaged(model.content().asksFormat());
        }
        grid.add(new Separator(), 0, row++, 2, 1);
        grid.addRow(row++, label(messages, "live.connect.protocol"), protocol);
        grid.addRow(row++, label(messages, "live.connect.mechanism", mechanism), mechanism);
        grid.addRow(row++, label(messages, "live.connect.username", user), user);
        grid.addRow(row++, label(messages, "live.connect.password", password), password);
        grid.add(passwordNote, 1, row++);
        grid.addRow(row++, label(messages, "live.connect.truststore", truststoreRow), truststoreRow);

        Button test = new Button(messages.get("live.connect.test"));
        test.setId("live-test");
        test.disableProperty().bind(model.validProperty().not().or(model.testingProperty()));
        test.setOnAction(e -> model.test(password.getText().toCharArray()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.testingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        // A Text, not a Label: it wraps to as many lines as the broker's answer needs, where a
        // Label in the dialog was cut to one line with an ellipsis.
        Text answer = new Text();
        answer.setId("live-check");
        answer.getStyleClass().add("live-check");
        answer.textProperty().bind(model.checkMessageProperty());
        model.checkOkProperty().addListener((obs, old, ok) -> {
            answer.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (ok != null) {
                answer.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        HBox testRow = new HBox(10, test, busy);
        testRow.setAlignment(Pos.CENTER_LEFT);
        answer.visibleProperty().bind(answer.textProperty().isNotEmpty());
        answer.managedProperty().bind(answer.visibleProperty());

        Label validation = new Label();
        validation.setId("live-validation");
        validation.setWrapText(true);
        validation.getStyleClass().add(Styles.DANGER);
        validation.textProperty().bind(model.validationErrorProperty());
        validation.visibleProperty().bind(validation.textProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());

        VBox content = new VBox(12, grid, testRow, answer, validation);
        content.setPrefWidth(CONTENT_WIDTH);
        // A fixed width: bound to the content's width, the unwrapped first layout widened the dialog.
        answer.setWrappingWidth(CONTENT_WIDTH - 10);
        getDialogPane().setContent(content);

        ButtonType connectType = new ButtonType(messages.get("live.connect.connect"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(connectType, cancelType);
        // The answer and the validation message come and go; the window follows their height.
        answer.textProperty().addListener(o -> Forms.fitWindow(this));
        validation.textProperty().addListener(o -> Forms.fitWindow(this));
        Node connect = getDialogPane().lookupButton(connectType);
        connect.setId("live-connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.disableProperty().bind(model.validProperty().not());

        setResultConverter(button -> button == connectType
                ? model.connection(password.getText().toCharArray()).orElse(null) : null);
        setOnHidden(e -> {
            password.clear();
            model.passwordEnteredProperty().unbind();
            model.passwordEnteredProperty().set(false);
        });
        setOnShown(e -> servers.requestFocus());
    }



    private static Label label(Messages messages, String key, Node... follows) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        if (follows.length > 0) {
            label.disableProperty().bind(Bindings.createBooleanBinding(follows[0]::isDisabled,
                    follows[0].disabledProperty()));
        }
        return label;
    }

    private static <T> ComboBox<T> choice(String id, T[] values, javafx.beans.property.ObjectProperty<T> property,
                                          Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(DisplayConverter.of(text));
        box.valueProperty().bindBidirectional(property);
        return box;
    }

}
