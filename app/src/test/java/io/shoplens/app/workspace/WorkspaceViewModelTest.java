package io.shoplens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;

class WorkspaceViewModelTest {

    @TempDir
    Path dir;

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();

    private WorkspaceViewModel model(Path samples) {
        return new WorkspaceViewModel(engine, new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs,
                Messages.forLocale(Locale.ENGLISH), samples);
    }

    @Test
    void importingAFolderPreviewsEveryVisibleFileAndListsTheDatasets() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/nested"));
        Files.writeString(dir.resolve("logs/user_info.csv"),
                "user_id,username,name,age,professional,city,sex\n1,a,A,30,教师,北京,male\n2,b,B,40,医生,上海,female\n");
        Files.writeString(logs.resolve("city_info.csv"), "city_id,city_name,area\n1,北京,华北\n");
        Files.writeString(dir.resolve("logs/.hidden"), "x\n");
        WorkspaceViewModel model = model(dir.resolve("none"));

        model.importPaths(List.of(dir.resolve("logs")));

        assertThat(dialogs.reviewed).hasSize(1);
        assertThat(dialogs.reviewed.get(0)).extracting(p -> p.file().getFileName().toString())
                .containsExactly("city_info.csv", "user_info.csv");
        assertThat(dialogs.reviewed.get(0)).extracting(p -> p.kind().orElseThrow())
                .containsExactly(LogKind.CITY_INFO, LogKind.USER_INFO);
        assertThat(model.datasets()).extracting(DatasetInfo::name, DatasetInfo::rowsAccepted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("city_info.csv", 1L),
                        org.assertj.core.groups.Tuple.tuple("user_info.csv", 2L));
        assertThat(dialogs.infos).containsExactly("Imported 2 dataset(s): 3 rows accepted, 0 rejected.");
        assertThat(model.hasDataProperty().get()).isTrue();
        assertThat(model.importingProperty().get()).isFalse();
    }

    @Test
    void rejectedRowsAreCountedAndShownWithTheirLines() throws IOException {
        Path file = Files.writeString(dir.resolve("city_info.csv"),
                "city_id,city_name,area\n1,北京,华北\n2,上海\n3,广州,华南\n4,x,y,z\n");
        WorkspaceViewModel model = model(dir.resolve("none"));

        model.importPaths(List.of(file));

        assertThat(model.datasets()).extracting(DatasetInfo::rowsAccepted, DatasetInfo::rowsRejected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 2L));
        assertThat(dialogs.infos).containsExactly("Imported 1 dataset(s): 2 rows accepted, 2 rejected.");
        assertThat(dialogs.rejectedShown).singleElement().satisfies(report -> {
            assertThat(report.read()).isEqualTo(4);
            assertThat(report.rejections()).extracting(r -> r.line()).containsExactly(3L, 5L);
            assertThat(report.rejections().get(0).text()).isEqualTo("2,上海");
        });
    }

    @Test
    void theUserCorrectsAKindInTheReview() throws IOException {
        Files.writeString(dir.resolve("clicks.txt"), "1563292800000 Beijing Beijing 95 3\n");
        dialogs.reviewAnswer = previews -> Optional.of(List.of(
                new ImportItem(previews.get(0).file(), Optional.of(LogKind.AD_CLICK))));
        WorkspaceViewModel model = model(dir);

        model.importPaths(List.of(dir.resolve("clicks.txt")));

        assertThat(model.datasets()).extracting(DatasetInfo::kind).containsExactly(LogKind.AD_CLICK);
    }

    @Test
    void cancellingTheReviewImportsNothing() throws IOException {
        Files.writeString(dir.resolve("user_info.csv"), "user_id,username,name,age,professional,city,sex\n");
        dialogs.reviewAnswer = previews -> Optional.empty();
        WorkspaceViewModel model = model(dir);

        model.importPaths(List.of(dir.resolve("user_info.csv")));

        assertThat(model.datasets()).isEmpty();
        assertThat(model.importingProperty().get()).isFalse();
    }

    @Test
    void missingSamplesAreExplained() {
        WorkspaceViewModel model = model(dir.resolve("no-samples"));
        assertThat(model.samplesAvailable()).isFalse();
        model.openSamples();
        assertThat(dialogs.infos).singleElement().asString().contains("no-samples");
    }

    @Test
    void renameAndRemoveGoThroughTheEngine() {
        engine.addDataset(FakeEngineService.dataset(1, "old", LogKind.USER_INFO, 3, 0, null, null));
        WorkspaceViewModel model = model(dir);
        model.refresh();
        dialogs.textAnswer = Optional.of(" users ");

        model.rename(model.datasets().get(0));
        assertThat(model.datasets()).extracting(DatasetInfo::name).containsExactly("users");

        model.remove(model.datasets().get(0));
        assertThat(model.datasets()).isEmpty();
    }

    @Test
    void conflictsAreListedAndTheUserChoosesWhichDatasetWins() {
        engine.addDataset(FakeEngineService.dataset(2, "city_info.csv", LogKind.CITY_INFO, 10, 0, null, null));
        engine.addDataset(FakeEngineService.dataset(7, "numbers.csv", LogKind.CITY_INFO, 1, 0, null, null));
        engine.setConflicts(List.of(new ReferenceConflict(LogKind.CITY_INFO,
                new ReferenceConflict.DatasetRef(7, "numbers.csv", List.of("export/numbers.csv")),
                new ReferenceConflict.DatasetRef(2, "city_info.csv", List.of("export/city_info.csv")), 1,
                List.of(new ReferenceConflict.Example(1, "2 | 3", "上海 | 华东")))));
        WorkspaceViewModel model = model(dir);

        model.refresh();
        assertThat(model.conflicts()).singleElement().extracting(c -> c.winner().id()).isEqualTo(7L);

        model.prefer(2);
        assertThat(engine.preferred()).containsExactly(2L);
        assertThat(model.conflicts()).singleElement().extracting(c -> c.winner().id()).isEqualTo(2L);

        model.remove(7);
        assertThat(model.datasets()).extracting(DatasetInfo::name).containsExactly("city_info.csv");
        assertThat(model.conflicts()).isEmpty();
    }

    @Test
    void filesThatAreClearlyNotLogsAreLeftOutOfTheReviewAndNamed() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("export"));
        Files.writeString(logs.resolve("city_info.csv"), "city_id,city_name,area\n1,北京,华北\n");
        Files.writeString(logs.resolve("README.md"), "# export\n");
        Files.writeString(logs.resolve("desktop.ini"), "[.ShellClassInfo]\n");
        WorkspaceViewModel model = model(dir.resolve("none"));

        model.importPaths(List.of(logs));

        assertThat(dialogs.reviewed.get(0)).extracting(p -> p.file().getFileName().toString())
                .containsExactly("city_info.csv");
        assertThat(dialogs.infos).singleElement().asString().isEqualTo(
                "Imported 1 dataset(s): 1 rows accepted, 0 rejected.\n"
                        + "README.md: skipped, not a log file\ndesktop.ini: skipped, not a log file");
    }
}
