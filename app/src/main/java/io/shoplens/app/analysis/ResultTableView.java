package io.shoplens.app.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.ResultTable;

/**
 * A sortable table of one {@link ResultTable}, headed by its name, with the columns named as in
 * docs/ANALYSES.md and an optional filter ("category_id = 8", set by a click on a chart).
 */
public final class ResultTableView extends VBox {

    private final Messages messages;
    private final TableView<List<Object>> table = new TableView<>();
    private final ObservableList<List<Object>> rows = FXCollections.observableArrayList();
    private final FilteredList<List<Object>> filtered = new FilteredList<>(rows);
    private final Label title = new Label();
    private final Tooltip exactValue = new Tooltip();
    private final Label filterLabel = new Label();
    private final Button clearFilter = new Button();
    private ResultTable current;
    private final java.util.Map<String, java.util.function.Function<Object, String>> labels = new java.util.HashMap<>();

    public ResultTableView(Messages messages) {
        this.messages = messages;
        getStyleClass().add("result-table");
        title.getStyleClass().add(Styles.TITLE_4);
        filterLabel.getStyleClass().addAll("filter-chip");
        clearFilter.setText(messages.get("table.clearFilter"));
        clearFilter.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clearFilter.setOnAction(e -> clearFilter());
        HBox filterBar = new HBox(8, filterLabel, clearFilter);
        filterBar.setAlignment(Pos.CENTER_LEFT);
        filterBar.visibleProperty().bind(filterLabel.textProperty().isNotEmpty());
        filterBar.managedProperty().bind(filterBar.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, filterBar);
        header.setAlignment(Pos.CENTER_LEFT);

        SortedList<List<Object>> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label(messages.get("table.empty")));
        table.setTooltip(exactValue);
        table.setFixedCellSize(28);
        setSpacing(6);
        getChildren().addAll(header, table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    public void setTable(ResultTable resultTable) {
        this.current = resultTable;
        title.setText(messages.has("table." + resultTable.name())
                ? messages.get("table." + resultTable.name()) : resultTable.name());
        List<TableColumn<List<Object>, ?>> columns = new java.util.ArrayList<>();
        Locale locale = messages.locale();
        for (int i = 0; i < resultTable.columns().size(); i++) {
            int index = i;
            String name = resultTable.columns().get(i);
            String header = header(name);
            TableColumn<List<Object>, Object> column = new TableColumn<>(header);
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index)));
            column.setComparator(VALUES);
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : text(item, name, locale));
                    // The exact value goes into the table's one tooltip when the pointer enters
                    // the cell: a Tooltip per cell builds a popup scene each, which kept the FX
                    // thread busy for seconds when a reopened workspace showed five results at once.
                    setOnMouseEntered(empty || item == null ? null : e -> exactValue.setText(Formats.exact(item)));
                    if (item instanceof Number) {
                        setStyle("-fx-alignment: CENTER-RIGHT;");
                    } else {
                        setStyle(null);
                    }
                }
            });
            // As wide as the header or the widest value shown (of the first rows), so numbers such as
            // 236,174.20 and values such as display_ad are not cut to an ellipsis.
            int widest = Formats.textWidth(header) + 2;
            for (int r = 0; r < Math.min(200, resultTable.rows().size()); r++) {
                widest = Math.max(widest,
                        Formats.textWidth(text(resultTable.rows().get(r).get(index), name, locale)));
            }
            column.setPrefWidth(Math.max(70, widest * 8 + 24));
            // Wide tables (the province × ad pivot has a column per ad) scroll sideways instead of
            // squeezing every column down to an ellipsis.
            // Headers are bold: about 8.5 px a half-width character.
            column.setMinWidth(Math.min(column.getPrefWidth(), Math.max(56, Formats.textWidth(header) * 8.5 + 20)));
            columns.add(column);
        }
        // All at once: added one by one to a table on screen, the first column took the whole
        // width and the constrained policy squeezed the others to an ellipsis.
        table.getColumns().setAll(columns);
        filterLabel.setText("");
        filtered.setPredicate(null);
        rows.setAll(resultTable.rows());
        // Tall enough for the rows (up to 12 without scrolling), so a page of results reads at once.
        table.setPrefHeight(table.getFixedCellSize() * (Math.min(12, Math.max(3, rows.size())) + 1.6));
    }

    /**
     * Shows the values of {@code column} in words (category ids as their names); sorting, filters
     * and the tooltip keep the value itself. Set before {@link #setTable}.
     */
    public void labelColumn(String column, java.util.function.Function<Object, String> label) {
        labels.put(column, label);
    }

    private String text(Object value, String column, Locale locale) {
        java.util.function.Function<Object, String> label = labels.get(column);
        return label != null && value != null ? label.apply(value) : Formats.cell(value, column, locale);
    }

    /**
     * New rows for the table shown: with the same columns, only the rows change, so the sort order,
     * the filter and the scroll position stay (the live view refreshes its tables every micro-batch).
     */
    public void update(ResultTable resultTable) {
        if (current == null || !current.columns().equals(resultTable.columns())) {
            setTable(resultTable);
            return;
        }
        current = resultTable;
        rows.setAll(resultTable.rows());
        table.setPrefHeight(table.getFixedCellSize() * (Math.min(12, Math.max(3, rows.size())) + 1.6));
    }

    /**
     * A column's header in the user's words: the engine's column names are snake_case English
     * (they are the CSV headers too); the pivot's ad columns are "ad 7".
     */
    private String header(String column) {
        if (messages.has("col." + column)) {
            return messages.get("col." + column);
        }
        if (column.startsWith("ad ") && messages.has("series.ad")) {
            return messages.get("series.ad", column.substring(3));
        }
        return column;
    }

    /** Index of {@code column} in the table shown, or -1. */
    public int columnIndex(String column) {
        return current == null ? -1 : current.columns().indexOf(column);
    }

    /**
     * Called with a row's values and the mouse event when the row is clicked (a view offers
     * "filter everything by this" there). Replaces the table's row factory.
     */
    public void setOnRowClicked(java.util.function.BiConsumer<List<Object>, javafx.scene.input.MouseEvent> action) {
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<List<Object>> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    action.accept(row.getItem(), e);
                }
            });
            return row;
        });
    }

    /** Shows only the rows whose {@code column} holds {@code value} (compared as text). */
    public void filterBy(String column, Object value) {
        if (current == null) {
            return;
        }
        int index = current.columnIndex(column);
        String wanted = String.valueOf(value);
        filtered.setPredicate(row -> Objects.equals(Formats.exact(row.get(index)), wanted));
        filterLabel.setText(messages.get("table.filteredBy", header(column), wanted));
    }

    public void clearFilter() {
        filtered.setPredicate(null);
        filterLabel.setText("");
    }

    public TableView<List<Object>> tableView() {
        return table;
    }

    /** Rows shown, in display order. */
    public List<List<Object>> visibleRows() {
        return List.copyOf(table.getItems());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> VALUES = Comparator.nullsLast((a, b) -> {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable c && a.getClass().equals(b.getClass())) {
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    });
}
