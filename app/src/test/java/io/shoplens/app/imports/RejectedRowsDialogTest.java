package io.shoplens.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.imports.FileReport;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.SourceFormat;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.RejectedRow;

@ExtendWith(ApplicationExtension.class)
class RejectedRowsDialogTest {

    private final ImportReport report = new ImportReport(List.of(new FileReport("logs/city_info.csv",
            new FileReport.Source(Optional.of(LogKind.CITY_INFO), SourceFormat.DELIMITED, ",", false, "UTF-8"),
            new FileReport.Counts(4, 2, 2), new FileReport.Outcome.Imported(1), List.of(), List.of(
                    new RejectedRow("logs/city_info.csv", 3, "expected 3 fields, found 2", "2,上海"),
                    new RejectedRow("logs/city_info.csv", 5, "expected 3 fields, found 4", "4,x,y,z")))));

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        new RejectedRowsDialog(stage, Messages.forLocale(Locale.ENGLISH), report).show();
    }

    @Test
    void showsEachRejectedLineWithItsReason(FxRobot robot) {
        TableView<RejectedRow> table = robot.lookup("#rejected-rows").queryTableView();
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("File", "Line", "Reason", "Text");
        assertThat(table.getItems()).extracting(RejectedRow::line).containsExactly(3L, 5L);
        assertThat(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getHeaderText())
                .isEqualTo("4 rows read: 2 accepted, 2 rejected. The rejected rows are kept in the workspace.");
    }
}
