package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.ReferenceConflict;

/** category_info (category_id, category_name) is recognised in every form the other kinds are. */
class CategoryInfoTest extends WorkspaceFixture {

    private static final String FIVE = "1_手机\n2_电脑\n3_家电\n4_服装\n5_食品\n";

    private FileReport only(Path file) {
        ImportReport report = Importer.importFiles(ws, List.of(file), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none());
        assertThat(report.files()).hasSize(1);
        FileReport r = report.files().get(0);
        assertThat(r.error()).isEmpty();
        assertThat(r.kind()).contains(LogKind.CATEGORY_INFO);
        return r;
    }

    @Test
    void aHeaderNamesItInAnyOrderAndCase() throws IOException {
        FileReport r = only(write("cats.csv", "Category_Name,CATEGORY_ID\n手机,1\n电脑,2\n"));
        assertThat(TestTables.rows(ws, r, "category_id, category_name")).containsExactly("1|手机", "2|电脑");
    }

    @Test
    void headerlessCommaTabAndThePlatformsUnderscoreForms() throws IOException {
        FileReport comma = only(write("a.csv", FIVE.replace('_', ',')));
        FileReport tab = only(write("b.tsv", FIVE.replace('_', '\t').replace("1\t手机", "6\t图书")));
        FileReport underscore = only(write("c.txt", FIVE.replace("1_手机", "7_玩具")));
        assertThat(comma.delimiter()).isEqualTo(",");
        assertThat(tab.delimiter()).isEqualTo("tab");
        assertThat(underscore.delimiter()).isEqualTo("_");
        assertThat(TestTables.rows(ws, comma, "category_id, category_name"))
                .containsExactly("1|手机", "2|电脑", "3|家电", "4|服装", "5|食品");
        assertThat(List.of(underscore.read(), underscore.accepted())).containsExactly(5L, 5L);
    }

    @Test
    void jsonLinesGzipAndParquet() throws IOException {
        FileReport json = only(write("cats.jsonl", "{\"category_id\":1,\"category_name\":\"手机\"}\n"
                + "{\"category_id\":2,\"category_name\":\"电脑\"}\n"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("category_id,category_name\n3,家电\n".getBytes(StandardCharsets.UTF_8));
        }
        FileReport gzip = only(Files.write(dir.resolve("cats.csv.gz"), bytes.toByteArray()));
        SparkSession spark = TestSpark.session();
        Path parquet = dir.resolve("cats_parquet");
        spark.sql("SELECT CAST(4 AS BIGINT) AS category_id, '服装' AS category_name").coalesce(1).write()
                .parquet(parquet.toString());
        FileReport table = only(parquet);

        assertThat(json.format()).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(gzip.gzip()).isTrue();
        assertThat(table.format()).isEqualTo(SourceFormat.PARQUET);
        assertThat(ws.tables(spark).categories().orderBy("category_id").collectAsList())
                .extracting(row -> row.getAs("category_id") + "|" + row.getAs("category_name"))
                .containsExactly("1|手机", "2|电脑", "3|家电", "4|服装");
        assertThat(ws.tables(spark).categories().schema()).isEqualTo(LogKind.CATEGORY_INFO.storedSchema());
    }

    @Test
    void withoutAnyTheTableIsEmptyAndTwoNamesForOneIdAreAConflict() throws IOException {
        SparkSession spark = TestSpark.session();
        assertThat(ws.tables(spark).categories().count()).isZero();
        assertThat(ws.tables(spark).categories().schema()).isEqualTo(LogKind.CATEGORY_INFO.storedSchema());

        only(write("old.csv", "category_id,category_name\n1,手机\n2,电脑\n"));
        ImportReport newer = Importer.importFiles(ws, List.of(write("new.csv", "category_id,category_name\n1,手机通讯\n")),
                ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());

        assertThat(newer.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(LogKind.CATEGORY_INFO);
            assertThat(c.examples()).containsExactly(new ReferenceConflict.Example(1, "手机通讯", "手机"));
        });
        assertThat(ws.tables(spark).categories().orderBy("category_id").collectAsList())
                .extracting(row -> row.getAs("category_id") + "|" + row.getAs("category_name"))
                .containsExactly("1|手机通讯", "2|电脑");
    }
}
