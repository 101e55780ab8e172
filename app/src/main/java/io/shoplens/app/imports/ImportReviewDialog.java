package io.shoplens.app.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.Formats;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.engine.ImportPreview;
import io.shoplens.engine.logs.LogKind;

/**
 * Before an import: each file with the recognised kind (correctable), format and encoding, and
 * the first rows of the selected file. A kind guessed from a few headerless lines is marked and
 * must be confirmed (or corrected). Import is enabled once every file has a kind nobody doubts.
 */
public final class ImportReviewDialog extends Dialog<List<ImportItem>> {

    /** One file in the review, its kind chosen by the importer or the user. */
    public static final class Row {
        final ImportPreview preview;
        final ObjectProperty<LogKind> kind;
        final BooleanProperty confirmed = new SimpleBooleanProperty(false);

        Row(ImportPreview preview) {
            this.preview = preview;
            this.kind = new SimpleObjectProperty<>(preview.kind().orElse(null));
        }

        /** A kind guessed from too few lines that the user has neither confirmed nor changed. */
        boolean inDoubt() {
            return preview.kindInDoubt() && !confirmed.get() && preview.kind().equals(Optional.ofNullable(kind.get()));
        }

        /**
         * What to import the file as: the kind the user chose or confirmed; a recognised kind
         * nobody touched is left to the importer, which recognises it again and checks all rows.
         */
        ImportItem item() {
            boolean recognised = preview.kind().equals(Optional.ofNullable(kind.get()));
            return new ImportItem(preview.file(), recognised && !confirmed.get() ? Optional.empty()
                    : Optional.ofNullable(kind.get()));
        }
    }

    public ImportReviewDialog(Window owner, Messages messages, List<ImportPreview> previews) {
        initOwner(owner);
        setTitle(messages.get("import.review.title"));
        setHeaderText(messages.get("import.review.header", previews.size()));
        setResizable(true);

        ObservableList<Row> rows = FXCollections.observableArrayList(previews.stream().map(Row::new).toList());
        TableView<Row> files = new TableView<>(rows);
        files.setId("import-files");
        files.setEditable(true);
        files.getStyleClass().add(Styles.DENSE);
        files.setPrefHeight(Math.min(240, 36 + 30 * rows.size()));
        files.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> file = new TableColumn<>(messages.get("import.file"));
        file.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().preview.file().getFileName().toString()));
        file.setPrefWidth(200);
        TableColumn<Row, LogKind> kind = new TableColumn<>(messages.get("import.kind"));
        kind.setCellValueFactory(r -> r.getValue().kind);
        kind.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(LogKind value) {
                return value == null ? messages.get("import.kind.choose") : messages.get("kind." + value.id());
            }

            @Override
            public LogKind fromString(String text) {
                return Arrays.stream(LogKind.values()).filter(k -> toString(k).equals(text)).findFirst().orElse(null);
            }
        }, LogKind.values()));
        kind.setEditable(true);
        kind.setPrefWidth(160);
        TableColumn<Row, String> format = new TableColumn<>(messages.get("import.format"));
        format.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().preview.format()));
        format.setPrefWidth(90);
        TableColumn<Row, String> delimiter = new TableColumn<>(messages.get("import.delimiter"));
        delimiter.setId("import-delimiter");
        delimiter.setCellValueFactory(r -> new ReadOnlyStringWrapper(delimiterName(messages,
                r.getValue().preview.delimiter())));
        delimiter.setPrefWidth(120);
        TableColumn<Row, String> encoding = new TableColumn<>(messages.get("import.encoding"));
        encoding.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().preview.encoding()));
        encoding.setPrefWidth(110);
        TableColumn<Row, Row> check = new TableColumn<>(messages.get("import.check"));
        check.setId("import-check");
        check.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        check.setCellFactory(column -> new DoubtCell(messages));
        check.setSortable(false);
        check.setPrefWidth(210);
        files.getColumns().addAll(List.of(file, kind, check, format, delimiter, encoding));

        TableView<List<String>> sample = new TableView<>();
        sample.setId("import-preview");
        sample.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        sample.setPrefHeight(220);
        sample.setPlaceholder(new Label(messages.get("import.preview.empty")));
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showRows(sample, row));
        files.getSelectionModel().selectFirst();

        Label hint = new Label(messages.get("import.review.hint")
                + (rows.stream().anyMatch(r -> r.preview.kindInDoubt()) ? " " + messages.get("import.review.doubt") : ""));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label previewTitle = new Label(messages.get("import.preview"));
        previewTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox content = new VBox(10, files, hint, previewTitle, sample);
        content.setPrefWidth(760);
        getDialogPane().setContent(content);

        ButtonType importType = new ButtonType(messages.get("import.action"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(importType, ButtonType.CANCEL);
        getDialogPane().lookupButton(importType).disableProperty().bind(Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(r -> r.kind.get() == null || r.inDoubt()),
                rows.stream().flatMap(r -> java.util.stream.Stream.of(r.kind, r.confirmed)).toArray(Observable[]::new)));
        setResultConverter(button -> button == importType ? rows.stream().map(Row::item).toList() : null);
    }

    /** For a kind in doubt, says from how few lines it was guessed, with a box to confirm it. */
    private static final class DoubtCell extends TableCell<Row, Row> {
        private final Messages messages;
        private final CheckBox confirm = new CheckBox();
        private Row shown;

        DoubtCell(Messages messages) {
            this.messages = messages;
            confirm.getStyleClass().addAll(Styles.WARNING, "import-confirm");
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                confirm.selectedProperty().unbindBidirectional(shown.confirmed);
                shown = null;
            }
            if (empty || row == null || !row.preview.kindInDoubt()) {
                setGraphic(null);
                return;
            }
            confirm.setText(messages.get("import.doubt", row.preview.guessedFrom()));
            confirm.selectedProperty().bindBidirectional(row.confirmed);
            shown = row;
            setGraphic(confirm);
        }
    }

    /** Invisible delimiters by name; JSON and Parquet have none. */
    static String delimiterName(Messages messages, String delimiter) {
        return switch (delimiter) {
            case "" -> "—";
            case "\t" -> messages.get("import.delimiter.tab");
            case " " -> messages.get("import.delimiter.space");
            default -> delimiter;
        };
    }

    /** The selected file's first data rows, under the file's own column names when it has them. */
    private static void showRows(TableView<List<String>> table, Row row) {
        table.getColumns().clear();
        if (row == null) {
            table.getItems().clear();
            return;
        }
        List<String> names = row.preview.columns();
        int width = Math.max(names.size(), row.preview.rows().stream().mapToInt(List::size).max().orElse(0));
        for (int i = 0; i < width; i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(
                    index < names.size() ? names.get(index) : String.valueOf(i + 1));
            column.setCellValueFactory(r -> new ReadOnlyStringWrapper(
                    index < r.getValue().size() ? r.getValue().get(index) : ""));
            column.setSortable(false);
            // As wide as its name (bold) or its widest value, up to a limit: names are not cut to "…".
            int widest = index < names.size() ? names.get(index).length() + 2 : 3;
            for (List<String> values : row.preview.rows()) {
                widest = Math.max(widest, index < values.size() ? Formats.textWidth(values.get(index)) : 0);
            }
            column.setPrefWidth(Math.min(280, widest * 8.5 + 24));
            table.getColumns().add(column);
        }
        table.setItems(FXCollections.observableArrayList(row.preview.rows()));
    }
}
