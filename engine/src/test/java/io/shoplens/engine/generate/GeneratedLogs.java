package io.shoplens.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.testing.TestSpark;

/** Reads generated files back with the same libraries an importer would use. */
final class GeneratedLogs {

    private GeneratedLogs() {
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records of a CSV, TSV or gzipped CSV file, header first. */
    static List<CSVRecord> records(Path file) {
        String name = file.getFileName().toString();
        CSVFormat format = name.endsWith(".tsv")
                ? CSVFormat.TDF.builder().setQuote(null).setIgnoreSurroundingSpaces(false).get()
                : CSVFormat.RFC4180;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data records of a CSV file, addressable by column name. */
    static List<CSVRecord> rows(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts two generated files hold the same data: the same bytes, except for Parquet, where
     * parquet-mr lists each column chunk's encodings from a HashSet of enum constants, whose order
     * follows identity hash codes and so may differ between JVM runs; there the schema and the
     * rows, in order, must be equal.
     */
    static void assertSameData(Path expected, Path actual) {
        try {
            if (expected.toString().endsWith(".parquet")) {
                Dataset<Row> want = TestSpark.session().read().parquet(expected.toString());
                Dataset<Row> got = TestSpark.session().read().parquet(actual.toString());
                assertThat(got.schema()).as(actual.toString()).isEqualTo(want.schema());
                assertThat(got.collectAsList()).as(actual.toString()).isEqualTo(want.collectAsList());
            } else {
                assertThat(Files.readAllBytes(actual)).as("%s has the bytes of %s", actual, expected)
                        .isEqualTo(Files.readAllBytes(expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GeneratedFile> generate(GenerateSettings settings, Path dir) {
        try {
            return new LogGenerator(settings).writeTo(dir, GenerateProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
