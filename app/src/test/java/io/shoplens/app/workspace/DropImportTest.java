package io.shoplens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.AppWiring;
import io.shoplens.app.dialogs.FxDialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.SparkEngineService;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.preferences.AppPreferences;
import io.shoplens.app.testing.FileDrop;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * Files dropped on the window: the drop comes in where the OS's would ({@link FileDrop}: the
 * scene's drop target, which dispatches the drag events to the node under the pointer), and from
 * there the window's own drop handler, the real review dialog (confirmed with the robot), the real
 * engine's import and the dataset list take part.
 */
@ExtendWith(ApplicationExtension.class)
class DropImportTest {

    private static final SparkSettings LOCAL = SparkSettings.fromEnvironment().withMaster("local[2]");

    @TempDir
    Path dir;

    private final NamedExecutors executors = new NamedExecutors();
    private final Preferences store = Preferences.userRoot().node("io/shoplens/app-test/drop-" + System.nanoTime());
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private SparkEngineService engine;
    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        engine = new SparkEngineService(dir.resolve("ws"), LOCAL, false);
        FxDialogService dialogs = new FxDialogService(() -> stage, messages, new AppPreferences(store));
        wiring = new AppWiring(engine, new FxJobRunner(executors, e -> dialogs.notifyError("job", e)), dialogs,
                messages, Path.of("no-samples"), () -> { });
        stage.setScene(new Scene(wiring.window(), 1100, 760));
        stage.show();
        wiring.workspace().refresh();
    }

    @AfterEach
    void stop() throws Exception {
        executors.close();
        engine.close();
        store.removeNode();
    }

    @Test
    void aDroppedSampleFileIsReviewedImportedAndListedWithItsCounts(FxRobot robot) throws Exception {
        Path sample = Path.of("").toAbsolutePath().getParent().resolve("sample-logs/shop/user_visit_action.csv");
        // Anywhere on the window: here on the analyses, not on the datasets' drop zone.
        assertThat(drop(robot, "#analyses", sample)).isEqualTo(TransferMode.COPY);

        TableView<?> files = waitForNode(robot, "#import-files", TableView.class);
        assertThat(files.getItems()).hasSize(1);
        // The preview names its columns by the file's header and shows data rows only.
        TableView<List<String>> preview = robot.lookup("#import-preview").queryTableView();
        assertThat(preview.getColumns()).extracting(TableColumn::getText)
                .startsWith("date", "user_id", "session_id", "page_id", "action_time");
        assertThat(preview.getItems().get(0).subList(0, 3))
                .containsExactly("2019-07-17", "288", "74178e7f-4eeb-4792-b0bb-c1c4b33bbce9");
        confirmImport(robot);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !wiring.workspace().datasets().isEmpty());

        ListView<DatasetInfo> list = robot.lookup("#dataset-list").queryListView();
        assertThat(list.getItems()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("user_visit_action.csv");
            assertThat(d.kind()).isEqualTo(LogKind.USER_VISIT_ACTION);
            assertThat(d.rowsAccepted()).isEqualTo(61_568L);
            assertThat(d.rowsRejected()).isZero();
        });
    }

    @Test
    void aDroppedBadFileShowsItsRejectedLines(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("cities.csv"), """
                city_id,city_name,area
                1,北京,华北
                2,上海
                3,南京,华东
                x,广州,华南
                """);
        assertThat(drop(robot, "#dataset-list", bad)).isEqualTo(TransferMode.COPY);

        waitForNode(robot, "#import-files", TableView.class);
        confirmImport(robot);
        @SuppressWarnings("unchecked")
        TableView<io.shoplens.engine.workspace.RejectedRow> rejected =
                (TableView<io.shoplens.engine.workspace.RejectedRow>) waitForNode(robot, "#rejected-rows",
                        TableView.class);
        assertThat(rejected.getItems()).extracting(r -> Path.of(r.file()).getFileName().toString(),
                        r -> r.line(), r -> r.text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cities.csv", 3L, "2,上海"),
                        org.assertj.core.groups.Tuple.tuple("cities.csv", 5L, "x,广州,华南"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !wiring.workspace().datasets().isEmpty());
        assertThat(wiring.workspace().datasets()).extracting(DatasetInfo::rowsAccepted, DatasetInfo::rowsRejected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 2L));
    }

    private static TransferMode drop(FxRobot robot, String target, Path file) {
        TransferMode[] accepted = new TransferMode[1];
        robot.interact(() -> accepted[0] = FileDrop.drop(robot.lookup(target).query(), List.of(file.toFile())));
        return accepted[0];
    }

    /** Presses the review dialog's Import button, once the dialog is on screen. */
    private void confirmImport(FxRobot robot) throws Exception {
        String text = messages.get("import.action");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button")
                .match((Button b) -> b.getText().equals(text) && b.isVisible() && b.getScene().getWindow().isShowing()
                        && b.getWidth() > 0 && b.getScene().getWindow().getWidth() > 0)
                .tryQuery().isPresent());
        // The dialog's window is shown; let its first layout pass finish before pointing at the button.
        WaitForAsyncUtils.waitForFxEvents(5);
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals(text))
                .queryButton());
    }

    private static <T extends javafx.scene.Node> T waitForNode(FxRobot robot, String query, Class<T> type)
            throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }
}
