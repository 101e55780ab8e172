package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.testing.TestSpark;

/** Parsing Kafka records into clicks, each malformed one with its reason (a plain DataFrame, no broker). */
class LiveMessagesTest {

    @Test
    void linesParseOrSayWhyNot() {
        List<String> rows = parse(MessageFormat.AD_CLICK_LINE,
                "1563444000000 北京 海淀 7 5",
                "  1563444000000\t上海  浦东 8 6  ",
                "1563444000000 北京 海淀 7",
                "1563444000000 北京 海淀 7 5 9",
                "2019-07-18 北京 海淀 7 5",
                "1563444000000 北京 海淀 u7 5",
                "1563444000000 北京 海淀 7 5.5",
                "   ",
                null);
        assertThat(rows).containsExactly(
                "1563444000000|北京|海淀|7|5|null|null",
                "1563444000000|上海|浦东|8|6|null|null",
                "null|null|null|null|null|expected 5 space-separated fields (timestamp province city user_id ad_id), got 4|1563444000000 北京 海淀 7",
                "null|null|null|null|null|expected 5 space-separated fields (timestamp province city user_id ad_id), got 6|1563444000000 北京 海淀 7 5 9",
                "null|null|null|null|null|timestamp is not a whole number of epoch milliseconds|2019-07-18 北京 海淀 7 5",
                "null|null|null|null|null|user_id is not a whole number|1563444000000 北京 海淀 u7 5",
                "null|null|null|null|null|ad_id is not a whole number|1563444000000 北京 海淀 7 5.5",
                "null|null|null|null|null|empty message|",
                "null|null|null|null|null|empty message|");
    }

    @Test
    void jsonParsesOrSaysWhyNot() {
        List<String> rows = parse(MessageFormat.JSON,
                "{\"timestamp\":1563444000000,\"province\":\"北京\",\"city\":\"海淀\",\"user_id\":7,\"ad_id\":5}",
                "{\"ad_id\":6,\"user_id\":8,\"city\":\"浦东\",\"province\":\"上海\",\"timestamp\":1563444000001,\"x\":1}",
                "{\"province\":\"北京\",\"city\":\"海淀\",\"user_id\":7,\"ad_id\":5}",
                "{\"timestamp\":1563444000000,\"province\":\"北京\",\"city\":\"海淀\",\"ad_id\":5}",
                "1563444000000 北京 海淀 7 5",
                "{not json");
        assertThat(rows).containsExactly(
                "1563444000000|北京|海淀|7|5|null|null",
                "1563444000001|上海|浦东|8|6|null|null",
                "null|null|null|null|null|timestamp missing or not a whole number of epoch milliseconds|"
                        + "{\"province\":\"北京\",\"city\":\"海淀\",\"user_id\":7,\"ad_id\":5}",
                "null|null|null|null|null|user_id missing or not a whole number|"
                        + "{\"timestamp\":1563444000000,\"province\":\"北京\",\"city\":\"海淀\",\"ad_id\":5}",
                "null|null|null|null|null|not a JSON object with timestamp, province, city, user_id, ad_id|"
                        + "1563444000000 北京 海淀 7 5",
                "null|null|null|null|null|not a JSON object with timestamp, province, city, user_id, ad_id|{not json");
    }

    private static List<String> parse(MessageFormat format, String... values) {
        SparkSession spark = TestSpark.session();
        StructType kafka = new StructType().add("value", DataTypes.BinaryType).add("partition", DataTypes.IntegerType)
                .add("offset", DataTypes.LongType);
        List<Row> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(RowFactory.create(values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8), 0,
                    (long) i));
        }
        Dataset<Row> parsed = LiveMessages.parse(spark.createDataFrame(records, kafka), format).orderBy("offset");
        assertThat(parsed.columns()).containsExactly("timestamp", "province", "city", "user_id", "ad_id",
                "malformed_reason", "message", "partition", "offset");
        return parsed.collectAsList().stream().map(r -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                cells.add(String.valueOf(r.get(i)));
            }
            return String.join("|", cells);
        }).toList();
    }
}
