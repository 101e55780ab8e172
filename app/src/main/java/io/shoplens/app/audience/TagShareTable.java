package io.shoplens.app.audience;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.Formats;
import io.shoplens.app.common.Messages;

/**
 * The tags table ({@code tag,users,share}) with each share drawn as a bar scaled to the largest
 * share shown, so the common tags stand out at a glance; sortable like the other tables.
 */
final class TagShareTable extends TableView<List<Object>> {

    /** @param tagText a tag as shown (category names beside the ids) */
    TagShareTable(ObservableList<List<Object>> rows, Messages messages, Function<Object, String> tagText) {
        setId("table-tags");
        SortedList<List<Object>> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setPlaceholder(new Label(messages.get("table.empty")));
        setFixedCellSize(28);
        setPrefHeight(28 * 13.6);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Locale locale = messages.locale();

        TableColumn<List<Object>, Object> tag = column(messages.get("col.tag"), 0);
        tag.setPrefWidth(260);
        tag.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : tagText.apply(item));
            }
        });
        TableColumn<List<Object>, Object> users = column(messages.get("col.users"), 1);
        users.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.cell(item, "users", locale));
                setStyle("-fx-alignment: CENTER-RIGHT;");
            }
        });
        TableColumn<List<Object>, Object> share = column(messages.get("col.share"), 2);
        share.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label value = new Label();
            private final HBox box = new HBox(8, bar, value);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(bar, Priority.ALWAYS);
                box.setAlignment(Pos.CENTER_LEFT);
                value.setMinWidth(56);
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || !(item instanceof Number n)) {
                    setGraphic(null);
                    return;
                }
                double largest = rows.stream().mapToDouble(r -> Formats.number(r.get(2))).max().orElse(1);
                bar.setProgress(largest > 0 ? n.doubleValue() / largest : 0);
                value.setText(String.format(locale, "%.1f%%", n.doubleValue() * 100));
                setGraphic(box);
            }
        });
        share.setPrefWidth(320);
        getColumns().setAll(List.of(tag, users, share));
    }

    private static TableColumn<List<Object>, Object> column(String header, int index) {
        TableColumn<List<Object>, Object> column = new TableColumn<>(header);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index)));
        column.setComparator((a, b) -> a instanceof Number x && b instanceof Number y
                ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b)));
        return column;
    }
}
