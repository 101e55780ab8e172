package io.shoplens.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.testing.TestSpark;

/** Every format holds every kind with the LogKind columns, and every row parses as its type. */
class LogGeneratorFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> ACTION_COLUMNS = List.of("date", "user_id", "session_id", "page_id",
            "action_time", "search_keyword", "click_category_id", "click_product_id", "order_category_ids",
            "order_product_ids", "pay_category_ids", "pay_product_ids", "city_id", "channel", "pay_amount");
    private static final GenerateSettings SETTINGS = new GenerateSettings(300, 60, 40, 3, 2500, 7,
            LocalDate.of(2024, 3, 30), List.of(LogFormat.values()));

    /** The kinds the generator writes: every kind, the optional category names included. */
    private static final List<LogKind> GENERATED = List.of(LogKind.values());

    @TempDir
    static Path dir;
    static Map<String, GeneratedFile> files;

    @BeforeAll
    static void generate() {
        files = GeneratedLogs.generate(SETTINGS, dir).stream()
                .collect(Collectors.toMap(f -> f.format().id() + "/" + f.kind().id(), f -> f));
    }

    private static GeneratedFile file(LogFormat format, LogKind kind) {
        return files.get(format.id() + "/" + kind.id());
    }

    @Test
    void writesEveryKindInEveryFormatUnderAFolderPerFormat() throws IOException {
        assertThat(files).hasSize(LogFormat.values().length * GENERATED.size());
        for (GeneratedFile f : files.values()) {
            assertThat(f.path()).isEqualTo(dir.resolve(f.format().id()).resolve(f.kind().id() + "." + f.format().extension()));
            assertThat(Files.size(f.path())).isPositive();
        }
        assertThat(file(LogFormat.CSV, LogKind.USER_INFO).rows()).isEqualTo(60);
        assertThat(file(LogFormat.CSV, LogKind.PRODUCT_INFO).rows()).isEqualTo(40);
        assertThat(file(LogFormat.CSV, LogKind.CITY_INFO).rows()).isEqualTo(10);
        assertThat(file(LogFormat.CSV, LogKind.AD_CLICK).rows()).isEqualTo(2500);
        assertThat(file(LogFormat.CSV, LogKind.USER_VISIT_ACTION).rows()).isGreaterThan(300);
    }

    @Test
    void delimitedHeadersAreTheLogKindColumnsAndEveryRowParses() {
        assertThat(LogColumns.of(LogKind.USER_VISIT_ACTION)).isEqualTo(ACTION_COLUMNS);
        for (LogFormat format : List.of(LogFormat.CSV, LogFormat.TSV, LogFormat.GZIP)) {
            for (LogKind kind : GENERATED) {
                GeneratedFile f = file(format, kind);
                List<CSVRecord> records = GeneratedLogs.records(f.path());
                List<String> columns = LogColumns.of(kind);
                assertThat(records.get(0).toList()).as(f.path().toString()).isEqualTo(columns);
                assertThat(records).hasSize((int) f.rows() + 1);
                for (CSVRecord record : records.subList(1, records.size())) {
                    assertThat(record.size()).as("%s line %d", f.path(), record.getRecordNumber()).isEqualTo(columns.size());
                    List<Object> values = new ArrayList<>();
                    for (String text : record) {
                        values.add(text.isEmpty() ? null : text);
                    }
                    checkRow(kind, values);
                }
            }
        }
    }

    @Test
    void platformLinesHaveThePlatformShape() {
        List<String> actions = GeneratedLogs.lines(file(LogFormat.PLATFORM, LogKind.USER_VISIT_ACTION).path());
        assertThat(actions).hasSize((int) file(LogFormat.CSV, LogKind.USER_VISIT_ACTION).rows());
        for (String line : actions) {
            String[] fields = line.split("_", -1);
            assertThat(fields).as(line).hasSize(13);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                boolean unset = (i == 6 || i == 7) ? fields[i].equals("-1") : fields[i].equals("null");
                values.add(unset ? null : fields[i]);
            }
            values.add("direct");
            values.add(null);
            checkRow(LogKind.USER_VISIT_ACTION, values);
        }
        assertThat(actions.get(0)).matches(
                "\\d{4}-\\d\\d-\\d\\d_\\d+_[0-9a-f-]{36}_\\d+_\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d_.*_\\d");
        checkPlatform(LogKind.AD_CLICK, " ", 5);
        checkPlatform(LogKind.USER_INFO, "_", 7);
        checkPlatform(LogKind.PRODUCT_INFO, "_", 3);
        checkPlatform(LogKind.CITY_INFO, "_", 3);
    }

    private static void checkPlatform(LogKind kind, String separator, int fields) {
        List<String> lines = GeneratedLogs.lines(file(LogFormat.PLATFORM, kind).path());
        assertThat(lines).hasSize((int) file(LogFormat.CSV, kind).rows());
        for (String line : lines) {
            // extend_info, the last field, contains the separator itself (product_status).
            String[] parts = line.split(java.util.regex.Pattern.quote(separator), fields);
            assertThat(parts).as(line).hasSize(fields);
            checkRow(kind, new ArrayList<>(List.of((Object[]) parts)));
        }
    }

    @Test
    void jsonLinesHaveTheColumnsNumbersForIdsAndNullForUnset() throws IOException {
        for (LogKind kind : GENERATED) {
            List<String> lines = GeneratedLogs.lines(file(LogFormat.JSONL, kind).path());
            assertThat(lines).hasSize((int) file(LogFormat.CSV, kind).rows());
            for (String line : lines) {
                JsonNode node = JSON.readTree(line);
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                assertThat(names).isEqualTo(LogColumns.of(kind));
                List<Object> values = new ArrayList<>();
                for (String column : names) {
                    JsonNode value = node.get(column);
                    LogColumns.Type type = LogColumns.typeOf(kind, column);
                    if (value.isNull()) {
                        values.add(null);
                    } else if (type == LogColumns.Type.LONG || type == LogColumns.Type.INT) {
                        assertThat(value.isIntegralNumber()).as("%s %s", column, line).isTrue();
                        values.add(value.asText());
                    } else if (type == LogColumns.Type.DOUBLE) {
                        assertThat(value.isNumber()).as(line).isTrue();
                        values.add(value.asText());
                    } else {
                        assertThat(value.isTextual()).as(line).isTrue();
                        values.add(value.asText());
                    }
                }
                checkRow(kind, values);
            }
        }
    }

    @Test
    void parquetHasTheColumnsWithInt64IdsAndTheSameRows() {
        for (LogKind kind : GENERATED) {
            Dataset<Row> data = TestSpark.session().read().parquet(file(LogFormat.PARQUET, kind).path().toString());
            StructType schema = data.schema();
            assertThat(List.of(schema.fieldNames())).isEqualTo(LogColumns.of(kind));
            assertThat(data.count()).isEqualTo(file(LogFormat.CSV, kind).rows());
        }
        StructType actions = TestSpark.session().read()
                .parquet(file(LogFormat.PARQUET, LogKind.USER_VISIT_ACTION).path().toString()).schema();
        assertThat(actions.apply("user_id").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(actions.apply("click_product_id").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(actions.apply("action_time").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(actions.apply("pay_amount").dataType()).isEqualTo(DataTypes.DoubleType);
        Row first = TestSpark.session().read().parquet(file(LogFormat.PARQUET, LogKind.USER_VISIT_ACTION).path().toString())
                .first();
        String csvFirst = GeneratedLogs.lines(file(LogFormat.CSV, LogKind.USER_VISIT_ACTION).path()).get(1);
        assertThat(csvFirst).startsWith(first.getString(0) + "," + first.getLong(1) + "," + first.getString(2));
    }

    /** Checks one row's values (text or null for unset) against its kind's column types and rules. */
    private static void checkRow(LogKind kind, List<Object> values) {
        List<String> columns = LogColumns.of(kind);
        assertThat(values).hasSize(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(i);
            String column = columns.get(i);
            if (value == null) {
                continue;
            }
            String text = value.toString();
            switch (LogColumns.typeOf(kind, column)) {
                case LONG -> Long.parseLong(text);
                case INT -> Integer.parseInt(text);
                case DOUBLE -> assertThat(Double.parseDouble(text)).isPositive();
                case STRING -> {
                    if (column.equals("date")) {
                        LocalDate.parse(text);
                    } else if (column.equals("action_time")) {
                        LocalDateTime.parse(text, TIME);
                    } else if (column.endsWith("_ids")) {
                        for (String id : text.split(",")) {
                            Long.parseLong(id);
                        }
                    } else if (column.equals("extend_info")) {
                        checkExtendInfo(text);
                    }
                    assertThat(text).isNotBlank();
                }
            }
        }
        if (kind == LogKind.USER_VISIT_ACTION) {
            Iterator<Object> v = values.iterator();
            Map<String, Object> row = new java.util.HashMap<>();
            for (String column : columns) {
                row.put(column, v.next());
            }
            for (String always : List.of("date", "user_id", "session_id", "page_id", "action_time", "city_id")) {
                assertThat(row.get(always)).as(always).isNotNull();
            }
            assertThat(row.get("action_time").toString()).startsWith(row.get("date").toString());
            long kinds = Stream.of(row.get("search_keyword"), row.get("click_product_id"),
                    row.get("order_product_ids"), row.get("pay_product_ids")).filter(x -> x != null).count();
            assertThat(kinds).as("exactly one of search, click, order, pay: %s", row).isEqualTo(1);
            assertThat(row.get("click_category_id") == null).isEqualTo(row.get("click_product_id") == null);
            assertThat(row.get("order_category_ids") == null).isEqualTo(row.get("order_product_ids") == null);
            assertThat(row.get("pay_category_ids") == null).isEqualTo(row.get("pay_product_ids") == null);
            if (row.get("pay_amount") != null) {
                assertThat(row.get("pay_product_ids")).isNotNull();
            }
        }
        if (kind == LogKind.USER_INFO) {
            assertThat(values.get(6)).isIn("male", "female");
        }
    }

    private static void checkExtendInfo(String text) {
        try {
            JsonNode info = JSON.readTree(text);
            assertThat(info.get("product_status").asInt()).isIn(0, 1);
            assertThat(info.get("product_status").isInt()).isTrue();
            assertThat(info.get("price").asDouble()).isPositive();
        } catch (IOException e) {
            throw new AssertionError("extend_info is not JSON: " + text, e);
        }
    }
}
