package io.shoplens.engine.logs;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** The city table of the classic platform, used when no city_info has been imported. */
public final class DefaultCities {

    private static final List<Row> ROWS = List.of(
            RowFactory.create(0L, "北京", "华北"),
            RowFactory.create(1L, "上海", "华东"),
            RowFactory.create(2L, "南京", "华东"),
            RowFactory.create(3L, "广州", "华南"),
            RowFactory.create(4L, "三亚", "华南"),
            RowFactory.create(5L, "武汉", "华中"),
            RowFactory.create(6L, "长沙", "华中"),
            RowFactory.create(7L, "西安", "西北"),
            RowFactory.create(8L, "成都", "西南"),
            RowFactory.create(9L, "哈尔滨", "东北"));

    private DefaultCities() {
    }

    /** {@code city_id, city_name, area} (the kind's schema, without source columns). */
    public static Dataset<Row> table(SparkSession spark) {
        return spark.createDataFrame(ROWS, LogKind.CITY_INFO.schema());
    }

    public static List<Row> rows() {
        return ROWS;
    }
}
