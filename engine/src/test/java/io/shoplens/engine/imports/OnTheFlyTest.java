package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;

class OnTheFlyTest {

    @TempDir
    Path dir;

    @Test
    void temporaryWorkspaceHoldsOnlyTheseInputsAndIsDeletedOnClose() throws IOException {
        Path clicks = Files.writeString(dir.resolve("clicks.txt"), "1563321600000 p c 1 2\n1563321600001 p c 1 x\n"
                + "1563321600002 p c 1 2\n1563321600003 p c 1 2\n1563321600004 p c 1 2\n");
        Path folder;
        try (OnTheFly run = OnTheFly.importTemporary(List.of(clicks), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none())) {
            folder = run.workspace().folder();
            assertThat(run.report().accepted()).isEqualTo(4);
            assertThat(run.tables(TestSpark.session()).adClicks().count()).isEqualTo(4);
            Path rejected = dir.resolve("rejected.csv");
            run.report().writeRejectedCsv(rejected);
            assertThat(Files.readAllLines(rejected)).containsExactly("file,line,reason,text",
                    clicks + ",2,ad_id: not an integer: 'x',1563321600001 p c 1 x");
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void keptOnlyWritesNoDataFilesAndOpensNoTables() throws IOException {
        Path clicks = Files.writeString(dir.resolve("clicks.txt"), "1563321600000 p c 1 2\n1563321600001 p c 1 x\n"
                + "1563321600002 p c 1 3\n1563321600003 p c 1 4\n1563321600004 p c 1 5\n");
        List<Object[]> seen = new java.util.ArrayList<>();
        ImportTap tap = () -> new ImportTap.Unit() {
            @Override
            public void row(io.shoplens.engine.logs.LogKind kind, Object[] stored) {
                seen.add(stored);
            }

            @Override
            public void kept(long datasetId) {
            }

            @Override
            public void dropped() {
            }
        };
        try (OnTheFly written = OnTheFly.importTemporary(List.of(clicks), ImportOptions.defaults(),
                ImportListener.NONE, CancellationToken.none());
             OnTheFly kept = OnTheFly.keptOnly(List.of(clicks), ImportOptions.defaults(), ImportListener.NONE,
                     CancellationToken.none(), tap)) {
            assertThat(kept.report()).isEqualTo(written.report());
            assertThat(kept.report().accepted()).isEqualTo(4);
            assertThat(seen).extracting(r -> r[4]).containsExactly(2L, 3L, 4L, 5L);
            try (var files = Files.walk(kept.workspace().folder().resolve("data"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).isEmpty();
            }
            assertThatThrownBy(() -> kept.tables(TestSpark.session())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kept in memory only");
            assertThat(written.tables(TestSpark.session()).adClicks().count()).isEqualTo(4);
        }
    }

    @Test
    void givenWorkspaceTablesCoverThisImportAndItsDuplicatesOnly() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "city_id,city_name,area\n1,x,y\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "city_id,city_name,area\n2,z,w\n3,v,u\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Importer.importFiles(ws, List.of(a), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());
            OnTheFly run = OnTheFly.importInto(ws, List.of(b), ImportOptions.defaults(), ImportListener.NONE,
                    CancellationToken.none());
            LogTables tables = run.tables(TestSpark.session());
            assertThat(tables.cities().count()).isEqualTo(2);
            OnTheFly again = OnTheFly.importInto(ws, List.of(a), ImportOptions.defaults(), ImportListener.NONE,
                    CancellationToken.none());
            assertThat(again.report().files().get(0).duplicateOf()).contains(1L);
            assertThat(again.tables(TestSpark.session()).cities().count()).isEqualTo(1);
            run.close();
            assertThat(ws.datasets().all()).hasSize(2);
        }
    }
}
