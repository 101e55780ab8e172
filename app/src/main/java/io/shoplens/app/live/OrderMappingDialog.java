package io.shoplens.app.live;


import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.LiveGmvParams;
import io.shoplens.engine.live.LiveGmvSettings;

/**
 * Live ▸ Order mapping…: for the live GMV view of a saved connection, the topic of order change
 * events, canal or Debezium, and the order table's columns that give the order id, session, time,
 * product ids, user and amount; then the page flow of the live funnel and the channels counted as
 * paid. Save keeps it with the connection; the result is the settings the view starts with.
 */
public final class OrderMappingDialog extends Dialog<LiveGmvSettings> {

    public OrderMappingDialog(Window owner, Messages messages, OrderMappingViewModel model) {
        initOwner(owner);
        setTitle(messages.get("live.gmv.mapping.title"));
        setHeaderText(messages.get("live.gmv.mapping.header", model.connection().name(), model.connection().topic()));
        setResizable(true);
        getDialogPane().getStylesheets().add(io.shoplens.app.ShopLensApp.STYLESHEET);

        TextField topic = Forms.textField("gmv-orders-topic", model.ordersTopicProperty());
        topic.setPromptText(messages.get("live.gmv.mapping.topicPrompt"));
        ComboBox<OrderMessages.Format> format = new ComboBox<>(
                FXCollections.observableArrayList(OrderMessages.Format.values()));
        format.setId("gmv-orders-format");
        format.setMaxWidth(Double.MAX_VALUE);
        format.setConverter(DisplayConverter.of(f -> messages.get("live.gmv.format." + f.name())));
        format.valueProperty().bindBidirectional(model.formatProperty());

        GridPane grid = Forms.labelledGrid(280);
        int row = 0;
        grid.addRow(row++, label(messages, "live.gmv.mapping.topic"), topic);
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.format"), format);
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.table"),
                Forms.textField("gmv-column-table", model.tableProperty()));
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.orderId"),
                Forms.textField("gmv-column-order", model.orderIdProperty()));
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.session"),
                Forms.textField("gmv-column-session", model.sessionProperty()));
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.time"),
                Forms.textField("gmv-column-time", model.timeProperty()));
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.productIds"),
                Forms.textField("gmv-column-products", model.productIdsProperty()));
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.user"),
                Forms.textField("gmv-column-user", model.userProperty()));
        row = orderRow(grid, row, model, label(messages, "live.gmv.mapping.amount"),
                Forms.textField("gmv-column-amount", model.amountProperty()));
        grid.add(new Separator(), 0, row++, 2, 1);
        Label counted = new Label(messages.get("live.gmv.mapping.counted"));
        counted.getStyleClass().add(Styles.TEXT_BOLD);
        grid.add(counted, 0, row++, 2, 1);
        TextField flow = Forms.textField("gmv-flow", model.flowProperty());
        flow.setPromptText(LiveGmvParams.defaults().flowText());
        grid.addRow(row++, label(messages, "live.gmv.mapping.flow"), flow);
        TextField paid = Forms.textField("gmv-paid-channels", model.paidChannelsProperty());
        paid.setPromptText(LiveGmvParams.defaults().paidChannelsText());
        grid.addRow(row, label(messages, "live.gmv.mapping.paidChannels"), paid);

        Label hint = new Label(messages.get("live.gmv.mapping.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label validation = new Label();
        validation.setId("gmv-validation");
        validation.setWrapText(true);
        validation.getStyleClass().add(Styles.DANGER);
        validation.textProperty().bind(model.validationErrorProperty());
        validation.visibleProperty().bind(validation.textProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());
        VBox content = new VBox(12, grid, hint, validation);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        ButtonType saveType = new ButtonType(messages.get("live.connect.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(saveType, cancelType);
        Node save = getDialogPane().lookupButton(saveType);
        save.setId("gmv-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.validProperty().not());
        setResultConverter(button -> {
            if (button != saveType) {
                return null;
            }
            model.save();
            return model.settings().orElse(null);
        });
        setOnShown(e -> topic.requestFocus());
    }

    /** A row of the order fields: disabled without an orders topic. */
    private static int orderRow(GridPane grid, int row, OrderMappingViewModel model, Label label, Node field) {
        label.disableProperty().bind(model.ordersEnabledProperty().not());
        field.disableProperty().bind(model.ordersEnabledProperty().not());
        grid.addRow(row, label, field);
        return row + 1;
    }

    private static Label label(Messages messages, String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        return label;
    }
}
