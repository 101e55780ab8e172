package io.shoplens.app.imports;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.workspace.RejectedRow;

/** The rows an import quarantined: file, line, reason and the raw text, sortable. */
public final class RejectedRowsDialog extends Dialog<Void> {

    public RejectedRowsDialog(Window owner, Messages messages, ImportReport report) {
        initOwner(owner);
        setTitle(messages.get("rejected.title"));
        setHeaderText(messages.get("rejected.header", report.read(), report.accepted(), report.rejected()));
        setResizable(true);
        TableView<RejectedRow> table = new TableView<>(FXCollections.observableArrayList(report.rejections()));
        table.setId("rejected-rows");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getColumns().addAll(List.of(
                column(messages.get("rejected.file"), RejectedRow::file, 240, 140),
                column(messages.get("rejected.line"), RejectedRow::line, 60, 60),
                column(messages.get("rejected.reason"), RejectedRow::reason, 340, 240),
                column(messages.get("rejected.text"), RejectedRow::text, 260, 120)));
        // The reason is what the user reads: wide enough for it, the raw text takes what is left.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(940, 420);
        getDialogPane().setPrefWidth(980);
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static <T> TableColumn<RejectedRow, T> column(String name, java.util.function.Function<RejectedRow, T> value,
                                                          double width, double min) {
        TableColumn<RejectedRow, T> column = new TableColumn<>(name);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        column.setPrefWidth(width);
        // A narrow dialog squeezes the columns, never below what their header and a short value need.
        column.setMinWidth(min);
        return column;
    }
}
