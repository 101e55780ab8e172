package io.shoplens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.ReferenceConflict;

/** The Datasets panel shows which dataset wins where two define ids differently, and lets the user change it. */
@ExtendWith(ApplicationExtension.class)
class DatasetConflictsViewTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private WorkspaceViewModel model;

    @Start
    void start(Stage stage) {
        engine.addDataset(FakeEngineService.dataset(2, "city_info.csv", LogKind.CITY_INFO, 10, 0, null, null));
        engine.addDataset(FakeEngineService.dataset(7, "numbers.csv", LogKind.CITY_INFO, 1, 0, null, null));
        engine.setConflicts(List.of(new ReferenceConflict(LogKind.CITY_INFO,
                new ReferenceConflict.DatasetRef(7, "numbers.csv", List.of("export/numbers.csv")),
                new ReferenceConflict.DatasetRef(2, "city_info.csv", List.of("export/city_info.csv")), 1,
                List.of(new ReferenceConflict.Example(1, "2 | 3", "上海 | 华东")))));
        RecordingDialogs dialogs = new RecordingDialogs();
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        model = new WorkspaceViewModel(engine, new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs,
                messages, Path.of("no-samples"));
        stage.setScene(new Scene(new DatasetsView(model, messages), 320, 600));
        stage.show();
        model.refresh();
    }

    @Test
    void theConflictSaysWhoWinsAndUsingTheOtherDatasetMakesItWin(FxRobot robot) {
        Node box = robot.lookup("#dataset-conflicts").query();
        assertThat(box.isVisible()).isTrue();
        assertThat(robot.lookup("#dataset-conflicts .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Conflicting definitions",
                        "Cities: numbers.csv overrides 1 id of city_info.csv (e.g. id 1: \u201c2 | 3\u201d instead of"
                                + " \u201c上海 | 华东\u201d)");
        Button use = robot.lookup(".conflict-prefer").queryAs(Button.class);
        assertThat(use.getText()).isEqualTo("Use city_info.csv");
        assertThat(robot.lookup(".conflict-remove").queryAs(Button.class).getText()).isEqualTo("Remove numbers.csv");

        robot.clickOn(use);

        assertThat(engine.preferred()).containsExactly(2L);
        assertThat(robot.lookup(".conflict-prefer").queryAs(Button.class).getText()).isEqualTo("Use numbers.csv");
    }
}
