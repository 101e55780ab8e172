package io.shoplens.engine.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.logs.LogKind;

/**
 * Hand-made tables in the workspace form, written as {@code |}-separated lines in the kind's
 * column order (so id lists keep their commas). Missing trailing fields and empty fields are
 * null. Every row gets {@code source_file = "fixture"} and {@code source_line} = its 1-based
 * position in the list, so ties in time are broken by list order, as the importer would.
 */
public final class Fixtures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Fixtures() {
    }

    /**
     * {@code date|user_id|session_id|page_id|action_time|search_keyword|click_category_id|
     * click_product_id|order_category_ids|order_product_ids|pay_category_ids|pay_product_ids|
     * city_id|channel|pay_amount}.
     */
    public static Dataset<Row> actions(SparkSession spark, String... lines) {
        return table(spark, LogKind.USER_VISIT_ACTION, lines);
    }

    /** {@code user_id|username|name|age|professional|city|sex}. */
    public static Dataset<Row> users(SparkSession spark, String... lines) {
        return table(spark, LogKind.USER_INFO, lines);
    }

    /** {@code product_id|product_name|extend_info|product_status|price}. */
    public static Dataset<Row> products(SparkSession spark, String... lines) {
        return table(spark, LogKind.PRODUCT_INFO, lines);
    }

    /** {@code city_id|city_name|area}. */
    public static Dataset<Row> cities(SparkSession spark, String... lines) {
        return table(spark, LogKind.CITY_INFO, lines);
    }

    /** {@code timestamp|province|city|user_id|ad_id}. */
    public static Dataset<Row> adClicks(SparkSession spark, String... lines) {
        return table(spark, LogKind.AD_CLICK, lines);
    }

    public static Dataset<Row> table(SparkSession spark, LogKind kind, String... lines) {
        StructType stored = kind.storedSchema();
        StructType own = kind.schema();
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            String[] fields = lines[n].split("\\|", -1);
            if (fields.length > own.size()) {
                throw new IllegalArgumentException("Too many fields for " + kind.id() + ": " + lines[n]);
            }
            Object[] values = new Object[stored.size()];
            for (int i = 0; i < own.size(); i++) {
                String text = i < fields.length ? fields[i] : "";
                values[i] = text.isEmpty() ? null : parse(text, own.fields()[i]);
            }
            values[own.size()] = "fixture";
            values[own.size() + 1] = (long) (n + 1);
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, stored);
    }

    private static Object parse(String text, StructField field) {
        DataType type = field.dataType();
        if (type.equals(DataTypes.LongType)) {
            return Long.parseLong(text);
        }
        if (type.equals(DataTypes.IntegerType)) {
            return Integer.parseInt(text);
        }
        if (type.equals(DataTypes.DoubleType)) {
            return Double.parseDouble(text);
        }
        if (type.equals(DataTypes.DateType)) {
            return java.sql.Date.valueOf(LocalDate.parse(text));
        }
        if (type.equals(DataTypes.TimestampNTZType)) {
            return LocalDateTime.parse(text, TIME);
        }
        return text;
    }
}
