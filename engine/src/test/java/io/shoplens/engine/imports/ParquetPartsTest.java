package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.RejectedRow;

/** Parquet "as Hive tables store them": a folder of extension-less part files is one dataset. */
class ParquetPartsTest extends WorkspaceFixture {

    /** city_info as a Hive table: city_id int64, the rest strings. */
    private static final MessageType CITIES = Types.buildMessage()
            .optional(PrimitiveTypeName.INT64).named("city_id")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("city_name")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("area")
            .named("city_info");
    /** ad_click with a string timestamp, so a row can be bad. */
    private static final MessageType CLICKS = Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("timestamp")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("province")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("city")
            .optional(PrimitiveTypeName.INT64).named("user_id")
            .optional(PrimitiveTypeName.INT64).named("ad_id")
            .named("ad_click");

    private static void write(Path file, MessageType schema, Object[]... rows) throws IOException {
        Files.createDirectories(file.getParent());
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Object[] row : rows) {
                Group g = groups.newGroup();
                for (int i = 0; i < row.length; i++) {
                    String name = schema.getFieldName(i);
                    if (row[i] instanceof Long l) {
                        g.append(name, l);
                    } else if (row[i] != null) {
                        g.append(name, (String) row[i]);
                    }
                }
                writer.write(g);
            }
        }
    }

    private ImportReport importing(Path... paths) {
        return Importer.importFiles(ws, List.of(paths), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none());
    }

    @Test
    void hivePartFilesWithoutExtensionAreOneDatasetNamedForTheirFolder() throws IOException {
        Path table = dir.resolve("warehouse/ad_click");
        write(table.resolve("000000_0"), CLICKS,
                new Object[] {"1563321600000", "湖北", "武汉", 1L, 10L},
                new Object[] {"1563321601000", "湖北", "武汉", 2L, 11L});
        write(table.resolve("000001_0"), CLICKS,
                new Object[] {"1563321602000", "湖南", "长沙", 3L, 12L},
                new Object[] {"noon", "湖南", "长沙", 4L, 13L},
                new Object[] {"1563321603000", "湖南", "长沙", 5L, 14L});
        Files.writeString(table.resolve("_SUCCESS"), "");
        Files.writeString(table.resolve(".000000_0.crc"), "crc");

        ImportReport report = importing(dir.resolve("warehouse"));
        assertThat(report.files()).hasSize(1);
        FileReport r = report.files().get(0);
        assertThat(r.file()).isEqualTo(table.toString());
        assertThat(r.error()).isEmpty();
        assertThat(r.kind()).contains(LogKind.AD_CLICK);
        assertThat(r.format()).isEqualTo(SourceFormat.PARQUET);
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 4L, 1L);
        assertThat(r.rejections()).extracting(RejectedRow::file, RejectedRow::line, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(table.resolve("000001_0").toString(), 2L,
                        "timestamp: not an integer: 'noon'"));

        assertThat(ws.datasets().all()).hasSize(1);
        DatasetInfo d = ws.datasets().all().get(0);
        assertThat(d.name()).isEqualTo("ad_click");
        assertThat(d.sourceFiles()).containsExactly(table.resolve("000000_0").toString(),
                table.resolve("000001_0").toString());
        assertThat(TestTables.rows(ws, r, "source_line, user_id, ad_id")).containsExactly(
                "1|1|10", "2|2|11", "1|3|12", "3|5|14");
    }

    @Test
    void aSparkPartAloneIsItsFolderAndPartsOfDifferentKindsStayApart() throws IOException {
        Path spark = dir.resolve("cities.parquet");
        write(spark.resolve("part-00000-5f1c2a9e-0d2b-4c5e-9a57-1b2c3d4e5f60-c000.snappy.parquet"), CITIES,
                new Object[] {0L, "北京", "华北"}, new Object[] {1L, "上海", "华东"});
        Path mixed = dir.resolve("mixed");
        write(mixed.resolve("000000_0"), CITIES, new Object[] {2L, "南京", "华东"});
        write(mixed.resolve("000001_0"), CLICKS, new Object[] {"1563321600000", "湖北", "武汉", 1L, 10L});

        ImportReport report = importing(spark, mixed);
        assertThat(report.files()).extracting(FileReport::file).containsExactly(spark.toString(),
                mixed.resolve("000000_0").toString(), mixed.resolve("000001_0").toString());
        assertThat(report.files()).extracting(FileReport::accepted).containsExactly(2L, 1L, 1L);
        assertThat(ws.datasets().all()).extracting(DatasetInfo::name, DatasetInfo::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("cities.parquet", LogKind.CITY_INFO),
                org.assertj.core.groups.Tuple.tuple("000000_0", LogKind.CITY_INFO),
                org.assertj.core.groups.Tuple.tuple("000001_0", LogKind.AD_CLICK));
    }

    @Test
    void thePartsAgainAreADuplicateAndAPartAloneIsTooWhenTheTableHasOnlyIt() throws IOException {
        Path table = dir.resolve("city_info");
        write(table.resolve("000000_0"), CITIES, new Object[] {0L, "北京", "华北"});
        long id = importing(table).files().get(0).datasetId().orElseThrow();
        FileReport again = importing(table.resolve("000000_0")).files().get(0);
        assertThat(again.duplicateOf()).contains(id);
        assertThat(ws.datasets().all()).hasSize(1);
    }
}
