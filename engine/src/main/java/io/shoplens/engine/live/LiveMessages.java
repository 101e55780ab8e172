package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.logs.LogKind;

/**
 * Turns Kafka records into ad clicks. Every record becomes one row: a well-formed one has the
 * click's columns and a null {@code malformed_reason}; a malformed one keeps its text in {@code
 * message} and says why in {@code malformed_reason}, so it is counted and shown, never fatal.
 */
final class LiveMessages {

    static final String REASON = "malformed_reason";
    static final String MESSAGE = "message";
    static final String PARTITION = "partition";
    static final String OFFSET = "offset";

    /** Messages are short lines; a sample longer than this is cut for the status panel. */
    private static final int SAMPLE_CHARS = 200;
    private static final String WHOLE_NUMBER = "^-?[0-9]{1,18}$";
    private static final String FIELDS = "timestamp province city user_id ad_id";

    /** The rows {@link #parse} makes, as they are stored per batch. */
    static final StructType SCHEMA = LogKind.AD_CLICK.schema()
            .add(REASON, DataTypes.StringType)
            .add(MESSAGE, DataTypes.StringType)
            .add(PARTITION, DataTypes.IntegerType)
            .add(OFFSET, DataTypes.LongType);

    private LiveMessages() {
    }

    /** {@code records}: the Kafka source's rows (binary {@code value}, {@code partition}, {@code offset}). */
    static Dataset<Row> parse(Dataset<Row> records, MessageFormat format) {
        Dataset<Row> text = records.select(trim(col("value").cast("string")).as("text"),
                col(PARTITION), col(OFFSET));
        Dataset<Row> parsed = format == MessageFormat.JSON ? fromJson(text) : fromLine(text);
        Column reason = col(REASON);
        // Well-formed rows drop their text (it is the click itself); malformed rows keep no half-parsed fields.
        return parsed.select(
                when(reason.isNull(), col("timestamp")).as("timestamp"),
                when(reason.isNull(), col("province")).as("province"),
                when(reason.isNull(), col("city")).as("city"),
                when(reason.isNull(), col("user_id")).as("user_id"),
                when(reason.isNull(), col("ad_id")).as("ad_id"),
                reason,
                when(reason.isNotNull(), coalesce(col("text"), lit("")).substr(1, SAMPLE_CHARS)).as(MESSAGE),
                col(PARTITION), col(OFFSET));
    }

    /** {@code timestamp province city user_id ad_id}, separated by runs of spaces or tabs. */
    private static Dataset<Row> fromLine(Dataset<Row> text) {
        Column parts = split(col("text"), "\\s+");
        Column fields = when(col("text").isNull().or(col("text").equalTo("")), lit(0)).otherwise(size(parts));
        Column timestamp = parts.getItem(0);
        Column user = parts.getItem(3);
        Column ad = parts.getItem(4);
        Column reason = when(col("text").isNull().or(col("text").equalTo("")), lit("empty message"))
                .when(fields.notEqual(5), concat(lit("expected 5 space-separated fields (" + FIELDS + "), got "),
                        fields.cast("string")))
                .when(timestamp.rlike(WHOLE_NUMBER).unary_$bang(),
                        lit("timestamp is not a whole number of epoch milliseconds"))
                .when(user.rlike(WHOLE_NUMBER).unary_$bang(), lit("user_id is not a whole number"))
                .when(ad.rlike(WHOLE_NUMBER).unary_$bang(), lit("ad_id is not a whole number"));
        return text.select(col("text"), col(PARTITION), col(OFFSET),
                timestamp.cast("long").as("timestamp"), parts.getItem(1).as("province"),
                parts.getItem(2).as("city"), user.cast("long").as("user_id"), ad.cast("long").as("ad_id"),
                reason.as(REASON));
    }

    /** A JSON object with the keys timestamp, province, city, user_id, ad_id (numbers as JSON numbers). */
    private static Dataset<Row> fromJson(Dataset<Row> text) {
        Column json = from_json(col("text"), LogKind.AD_CLICK.schema(), Map.of("mode", "PERMISSIVE"));
        Dataset<Row> withJson = text.withColumn("j", json);
        Column reason = when(col("text").isNull().or(col("text").equalTo("")), lit("empty message"))
                // PERMISSIVE from_json reads text that is no JSON object as an object of nulls.
                .when(col("text").startsWith("{").unary_$bang().or(col("j").isNull())
                                .or(col("j.timestamp").isNull().and(col("j.province").isNull())
                                        .and(col("j.city").isNull()).and(col("j.user_id").isNull())
                                        .and(col("j.ad_id").isNull())),
                        lit("not a JSON object with " + FIELDS.replace(" ", ", ")))
                .when(col("j.timestamp").isNull(), lit("timestamp missing or not a whole number of epoch milliseconds"))
                .when(col("j.province").isNull(), lit("province missing"))
                .when(col("j.city").isNull(), lit("city missing"))
                .when(col("j.user_id").isNull(), lit("user_id missing or not a whole number"))
                .when(col("j.ad_id").isNull(), lit("ad_id missing or not a whole number"));
        return withJson.select(col("text"), col(PARTITION), col(OFFSET), col("j.timestamp").as("timestamp"),
                col("j.province").as("province"), col("j.city").as("city"), col("j.user_id").as("user_id"),
                col("j.ad_id").as("ad_id"), reason.as(REASON));
    }
}
