package io.shoplens.engine.logs;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampNTZType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The kinds of log ShopLens understands (DESIGN.md, "Log formats"), each with the columns of its
 * source files and the typed schema it has in the workspace.
 *
 * <p>Workspace form, the contract between import and analyses:
 * <ul>
 *   <li>ids are {@code long}; an unset id ({@code -1}, empty, {@code null}) is stored as SQL
 *       NULL, and an unset id list as NULL, a set one as its text ({@code "1,2,3"});</li>
 *   <li>{@code action_time} is a {@code TIMESTAMP_NTZ}: local wall-clock time as written;</li>
 *   <li>every row carries {@code source_file} and {@code source_line} (1-based line in the file,
 *       a header is line 1), which order ties inside a session.</li>
 * </ul>
 */
public enum LogKind {

    USER_VISIT_ACTION("user_visit_action",
            List.of("date", "user_id", "session_id", "page_id", "action_time", "search_keyword",
                    "click_category_id", "click_product_id", "order_category_ids", "order_product_ids",
                    "pay_category_ids", "pay_product_ids", "city_id"),
            List.of("channel", "pay_amount"),
            struct(
                    field("date", DateType),
                    field("user_id", LongType),
                    field("session_id", StringType),
                    field("page_id", LongType),
                    field("action_time", TimestampNTZType),
                    field("search_keyword", StringType),
                    field("click_category_id", LongType),
                    field("click_product_id", LongType),
                    field("order_category_ids", StringType),
                    field("order_product_ids", StringType),
                    field("pay_category_ids", StringType),
                    field("pay_product_ids", StringType),
                    field("city_id", LongType),
                    field("channel", StringType),
                    field("pay_amount", DoubleType))),

    USER_INFO("user_info",
            List.of("user_id", "username", "name", "age", "professional", "city", "sex"),
            List.of(),
            struct(
                    field("user_id", LongType),
                    field("username", StringType),
                    field("name", StringType),
                    field("age", IntegerType),
                    field("professional", StringType),
                    field("city", StringType),
                    field("sex", StringType))),

    /** {@code product_status} (0 self, 1 third party) and {@code price} are parsed from extend_info at import. */
    PRODUCT_INFO("product_info",
            List.of("product_id", "product_name", "extend_info"),
            List.of(),
            struct(
                    field("product_id", LongType),
                    field("product_name", StringType),
                    field("extend_info", StringType),
                    field("product_status", IntegerType),
                    field("price", DoubleType))),

    CITY_INFO("city_info",
            List.of("city_id", "city_name", "area"),
            List.of(),
            struct(
                    field("city_id", LongType),
                    field("city_name", StringType),
                    field("area", StringType))),

    /** {@code timestamp} is epoch milliseconds; dates come from it with an explicit time zone. */
    AD_CLICK("ad_click",
            List.of("timestamp", "province", "city", "user_id", "ad_id"),
            List.of(),
            struct(
                    field("timestamp", LongType),
                    field("province", StringType),
                    field("city", StringType),
                    field("user_id", LongType),
                    field("ad_id", LongType))),

    /** Optional: the names of the category ids the actions carry; without it they are shown as ids. */
    CATEGORY_INFO("category_info",
            List.of("category_id", "category_name"),
            List.of(),
            struct(
                    field("category_id", LongType),
                    field("category_name", StringType)));

    /** Columns every stored row carries besides its kind's own. */
    public static final List<StructField> SOURCE_COLUMNS = List.of(
            field("source_file", StringType),
            field("source_line", LongType));

    private final String id;
    private final List<String> requiredColumns;
    private final List<String> optionalColumns;
    private final StructType schema;

    LogKind(String id, List<String> requiredColumns, List<String> optionalColumns, StructType schema) {
        this.id = id;
        this.requiredColumns = requiredColumns;
        this.optionalColumns = optionalColumns;
        this.schema = schema;
    }

    /** The name used in file names, the CLI ({@code --kind}) and the catalog. */
    public String id() {
        return id;
    }

    /** Columns a source file of this kind must have, in the platform's order. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Columns of ours a source file may add after the required ones. */
    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** Typed columns of this kind in the workspace, without the source columns. */
    public StructType schema() {
        return schema;
    }

    /** Typed columns of this kind in the workspace, followed by {@link #SOURCE_COLUMNS}. */
    public StructType storedSchema() {
        StructType s = schema;
        for (StructField f : SOURCE_COLUMNS) {
            s = s.add(f);
        }
        return s;
    }

    /**
     * Whether this kind defines things by id for the others to join (cities, users, products, categories):
     * two datasets may then define one id differently, and one definition must win.
     */
    public boolean isReference() {
        return referenceId().isPresent();
    }

    /** The id column a reference kind defines its rows by; empty for the kinds of events. */
    public Optional<String> referenceId() {
        return switch (this) {
            case USER_INFO -> Optional.of("user_id");
            case PRODUCT_INFO -> Optional.of("product_id");
            case CITY_INFO -> Optional.of("city_id");
            case CATEGORY_INFO -> Optional.of("category_id");
            case USER_VISIT_ACTION, AD_CLICK -> Optional.empty();
        };
    }

    /**
     * The columns whose values make a reference row's definition: all but the id, and for
     * products not the raw extend_info, whose meaning (status, price) has columns of its own.
     */
    public List<String> definitionColumns() {
        String id = referenceId().orElseThrow(() -> new IllegalStateException(this.id + " defines nothing by id"));
        return Arrays.stream(schema.fieldNames())
                .filter(c -> !c.equals(id) && !(this == PRODUCT_INFO && c.equals("extend_info"))).toList();
    }

    public static Optional<LogKind> byId(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }
}
