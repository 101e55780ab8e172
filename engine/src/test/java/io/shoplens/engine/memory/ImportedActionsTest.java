package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.run.HeldImport;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;

/**
 * The model kept as the actions are imported ({@link HeldImport}, {@link ImportedActions}) is the
 * model {@link MemoryModelBuilder} makes from the stored tables (itself held to Spark's), value
 * for value; and where the import keeps something other than what the tables read, none is given.
 */
class ImportedActionsTest {

    private static final String ACTIONS_HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id,channel,pay_amount\n";

    @TempDir
    Path dir;

    @Test
    void theSampleShopIsTheModelMadeFromItsTables() throws IOException {
        assertSameModel(List.of(Path.of("..", "sample-logs", "shop")), true, false);
        assertSameModel(List.of(Path.of("..", "sample-logs", "shop")), true, true);
    }

    @Test
    void paysPricedLaterAndSessionsAcrossFilesGiveTheModelMadeFromTheTables() throws IOException {
        // s1 runs across both files with tied times; s2's pays are priced by pay_amount, by every
        // product's price, by a partial price list, by an unknown product, by ids padded and repeated.
        Path first = Files.writeString(dir.resolve("a_actions.csv"), ACTIONS_HEADER
                + "2024-05-01,1,s1,10,2024-05-01 10:00:05,phone,-1,,,,,,3,app,\n"
                + "2024-05-01,1,s1,11,2024-05-01 10:00:05,,7,70,,,,,3,app,\n"
                + "2024-05-01,1,s1,12,2024-05-01 10:00:00,phone,7,71,,,,,4,web,\n"
                + "2024-05-02,2,s2,20,2024-05-02 23:59:59,,,,1,100,2,100,5,app,12.3456789\n"
                + "2024-05-03,2,s2,21,2024-05-03 00:00:01,,,,,,2,\" 100 , 101\",5,app,\n"
                + "2024-05-03,2,s2,22,2024-05-03 00:00:02,,,,,,2,\"100,102\",5,app,\n"
                + "2024-05-03,2,s2,23,2024-05-03 00:00:03,,,,,,2,\"100,999\",5,app,\n"
                + "2024-05-03,2,s2,25,2024-05-03 00:00:05,,,,,,2,\"100,101,101\",5,app,\n"
                + "2024-05-03,2,s2,26,2024-05-03 00:00:06,,,,,,,103,5,app,\n"
                + "2024-05-04,404,s3,30,2024-05-04 08:00:00,shoes,9,90,,,,,77,,\n"
                + "2024-05-04,,s4,40,2024-05-04 09:00:00,,,,,,,,,,\n");
        Path second = Files.writeString(dir.resolve("b_actions.csv"), ACTIONS_HEADER
                + "2024-05-01,1,s1,14,2024-05-01 10:00:05,bag,7,70,,,,,3,app,\n"
                + "2024-05-05,6,s5,50,2024-05-05 12:00:00,,,,3,100,,,,web,\n");
        Path products = Files.writeString(dir.resolve("product_info.csv"), "product_id,product_name,extend_info\n"
                + "100,Phone,\"{\"\"product_status\"\":1,\"\"price\"\":10.5}\"\n"
                + "101,Case,\"{\"\"product_status\"\":0,\"\"price\"\":2.25}\"\n"
                + "102,Cable,\"{\"\"product_status\"\":0}\"\n"
                + "103,Charger,\"{\"\"product_status\"\":0,\"\"price\"\":0.1}\"\n");
        Path users = Files.writeString(dir.resolve("user_info.csv"), "user_id,username,name,age,professional,city,sex\n"
                + "1,u1,One,30,teacher,Paris,female\n2,u2,Two,,,,\n6,u6,Six,41,clerk,Rome,male\n");
        Path cities = Files.writeString(dir.resolve("city_info.csv"), "city_id,city_name,area\n"
                + "3,Beijing,North\n4,Shanghai,East\n5,Guangzhou,South\n");

        for (boolean prepared : new boolean[] {false, true}) {
            assertSameModel(List.of(first, second, products, users, cities), false, prepared);
            assertSameModel(List.of(first, products), true, prepared);
        }
        // A product defined twice: the tables pick one of its rows, so the import keeps none (both ways agree).
        Path twice = Files.writeString(Files.createDirectories(dir.resolve("twice")).resolve("product_info.csv"),
                Files.readString(products) + "101,Case,\"{\"\"product_status\"\":0,\"\"price\"\":1.75}\"\n");
        assertSameModel(List.of(first, second, twice), false, true);
    }

    @Test
    void aFileReadButNotKeptGivesNoModel() throws IOException {
        Path actions = Files.writeString(dir.resolve("actions.csv"), ACTIONS_HEADER
                + "2024-05-01,1,s1,10,2024-05-01 10:00:05,,,,,,,,3,app,\n");
        // The same bytes twice: the second file is seen row by row, then found to repeat the first.
        Path again = Files.copy(actions, dir.resolve("again.csv"));
        HeldImport held = new HeldImport(1_000);
        try (OnTheFly imported = OnTheFly.importTemporary(List.of(actions, again), ImportOptions.defaults(),
                ImportListener.NONE, CancellationToken.none(), held)) {
            assertThat(held.model(imported.tables(TestSpark.session()), datasets(imported))).isEmpty();
        }
    }

    @Test
    void tablesWithDatasetsImportedBeforeGiveNoModel() throws IOException {
        Path before = Files.writeString(dir.resolve("before.csv"), ACTIONS_HEADER
                + "2024-05-01,1,s1,10,2024-05-01 10:00:05,,,,,,,,3,app,\n");
        Path now = Files.writeString(dir.resolve("now.csv"), ACTIONS_HEADER
                + "2024-05-02,1,s2,10,2024-05-02 10:00:05,,,,,,,,3,app,\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Importer.importFiles(ws, List.of(before), ImportOptions.defaults(), ImportListener.NONE,
                    CancellationToken.none());
            HeldImport held = new HeldImport(1_000);
            OnTheFly imported = OnTheFly.importInto(ws, List.of(now), ImportOptions.defaults(), ImportListener.NONE,
                    CancellationToken.none(), held);
            // Kept: exactly this import's dataset. Asked for the whole workspace: not what was kept.
            assertThat(held.model(ws.tables(TestSpark.session()), ws.datasets().all())).isEmpty();
        }
    }

    @Test
    void moreActionsThanItMayHoldGiveNoModel() throws IOException {
        Path actions = Files.writeString(dir.resolve("actions.csv"), ACTIONS_HEADER
                + "2024-05-01,1,s1,10,2024-05-01 10:00:05,,,,,,,,3,app,\n"
                + "2024-05-01,1,s1,11,2024-05-01 10:00:06,,,,,,,,3,app,\n");
        HeldImport held = new HeldImport(1);
        try (OnTheFly imported = OnTheFly.importTemporary(List.of(actions), ImportOptions.defaults(),
                ImportListener.NONE, CancellationToken.none(), held)) {
            assertThat(held.model(imported.tables(TestSpark.session()), datasets(imported))).isEmpty();
        }
    }

    /** @param prepared made as {@code analyze} makes it: while the tables are opened, from the users, cities and products kept too */
    private static void assertSameModel(List<Path> inputs, boolean oneFile, boolean prepared) throws IOException {
        HeldImport held = new HeldImport(Long.MAX_VALUE);
        try (OnTheFly imported = OnTheFly.importTemporary(inputs, ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none(), held)) {
            ImportReport report = imported.report();
            assertThat(report.rejected()).isZero();
            LogTables tables = imported.tables(TestSpark.session());
            assertThat(tables.actionsFromOneFile()).isEqualTo(oneFile);
            if (prepared) {
                held.prepare(datasets(imported), RunRequest.defaults(List.of("sessions")));
            }
            Optional<MemoryModel> kept = held.model(tables, datasets(imported));
            MemoryModel fromTables = MemoryModelBuilder.build(tables, tables.actions().count()).orElseThrow();

            assertThat(kept).isPresent();
            assertThat(MemoryModelBuilderTest.describe(kept.get()))
                    .containsExactlyElementsOf(MemoryModelBuilderTest.describe(fromTables));
        }
    }

    private static List<DatasetInfo> datasets(OnTheFly imported) {
        return imported.report().datasetIds().stream().distinct()
                .map(id -> imported.workspace().datasets().byId(id).orElseThrow()).toList();
    }
}
