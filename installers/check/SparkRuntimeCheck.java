import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.Charset;
import java.text.NumberFormat;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a small local Spark job inside a packaged ShopLens runtime, to prove that the jlinked
 * module list and the JVM flags are enough for what the app does: start a session (Hadoop
 * login, Netty, Unsafe), aggregate, write and read Parquet (native snappy) and CSV, decode a
 * GBK export and format a Chinese number. check-installed.sh runs it; not part of the app.
 */
public final class SparkRuntimeCheck {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shoplens-runtime-check");
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("runtime-check")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        try {
            Dataset<Row> numbers = spark.range(1000).toDF("id");
            long sum = numbers.selectExpr("sum(id)").first().getLong(0);
            numbers.write().parquet(dir.resolve("numbers.parquet").toString());
            long parquetRows = spark.read().parquet(dir.resolve("numbers.parquet").toString()).count();
            Path csv = dir.resolve("pages.csv");
            Files.writeString(csv, "page_id,views\n1,10\n2,5\n");
            long csvViews = spark.read().option("header", "true").option("inferSchema", "true")
                    .csv(csv.toString()).selectExpr("sum(views)").first().getLong(0);
            String gbk = new String(new byte[] {(byte) 0xC9, (byte) 0xCF, (byte) 0xBA, (byte) 0xA3},
                    Charset.forName("GBK"));
            String zhNumber = NumberFormat.getInstance(Locale.SIMPLIFIED_CHINESE).format(1234567.5);
            System.out.printf("spark %s ok: sum=%d parquet_rows=%d csv_views=%d gbk=%s zh=%s%n",
                    spark.version(), sum, parquetRows, csvViews, gbk, zhNumber);
            boolean ok = sum == 499500 && parquetRows == 1000 && csvViews == 15 && gbk.equals("上海");
            if (!ok) {
                System.exit(1);
            }
        } finally {
            spark.stop();
        }
    }
}
