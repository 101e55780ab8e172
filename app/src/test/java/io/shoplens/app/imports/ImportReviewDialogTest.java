package io.shoplens.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.engine.ImportPreview;
import io.shoplens.engine.logs.LogKind;

/** A kind guessed from a few headerless lines is marked, and nothing imports until the user confirms it. */
@ExtendWith(ApplicationExtension.class)
class ImportReviewDialogTest {

    private static final ImportPreview NUMBERS = new ImportPreview(Path.of("export/numbers.csv"),
            Optional.of(LogKind.CITY_INFO), "csv", ",", "UTF-8", List.of(), List.of(List.of("1", "2", "3")), 1);
    private static final ImportPreview CITIES = new ImportPreview(Path.of("export/city_info.csv"),
            Optional.of(LogKind.CITY_INFO), "csv", ",", "UTF-8", List.of("city_id", "city_name", "area"),
            List.of(List.of("0", "北京", "华北")), 0);

    private ImportReviewDialog dialog;
    private final AtomicReference<List<ImportItem>> result = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        dialog = new ImportReviewDialog(stage, Messages.forLocale(Locale.ENGLISH), List.of(CITIES, NUMBERS));
        dialog.setOnHidden(e -> result.set(dialog.getResult()));
        dialog.show();
    }

    @Test
    void theGuessedFileIsMarkedAndImportWaitsForItsConfirmation(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Node importButton = pane.lookupButton(pane.getButtonTypes().get(0));
        CheckBox confirm = robot.lookup(".import-confirm").queryAs(CheckBox.class);

        assertThat(confirm.getText()).isEqualTo("guessed from 1 line: confirm");
        assertThat(robot.lookup(".import-confirm").queryAll()).hasSize(1);
        assertThat(importButton.isDisabled()).isTrue();

        // Fired, not clicked: under xvfb-run's default 640×480 screen the dialog may reach past its edge.
        robot.interact(confirm::fire);
        assertThat(importButton.isDisabled()).isFalse();
        robot.interact(((javafx.scene.control.Button) importButton)::fire);

        // The confirmed guess is imported as the kind the user saw; the recognised one is left to the importer.
        assertThat(result.get()).containsExactly(new ImportItem(CITIES.file(), Optional.empty()),
                new ImportItem(NUMBERS.file(), Optional.of(LogKind.CITY_INFO)));
        assertThat(pane.getButtonTypes()).contains(ButtonType.CANCEL);
    }
}
