package io.shoplens.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.logs.SessionBuckets;

/**
 * Action datasets read as one bucketed Spark table: the importer wrote them in {@link
 * SessionBuckets}, and declared so in the catalog Spark groups them by session with no shuffle.
 * At 10M actions that saved a quarter of the per-session pass every analysis run makes (issue 9).
 *
 * <p>Spark knows files are bucketed only from a catalog table. The table is external (the
 * session's in-memory catalog; dropping it would not touch the files), partitioned by dataset
 * and date with each partition at its {@code data/<id>/date=…} folder: a union of one table per
 * dataset would lose the bucketing and shuffle again. It is named after the datasets' folders and
 * import times and made once per Spark application.
 *
 * <p>Only in local mode: on a cluster a bucketed scan would cap the per-session pass at {@link
 * SessionBuckets#COUNT} tasks, where a shuffle spreads it over every executor.
 */
final class BucketedActions {

    private static final String DATE_FOLDER = "date=";

    private BucketedActions() {
    }

    /** Whether {@code datasets} (user actions, at least one) can be read bucketed by {@code spark}. */
    static boolean apply(SparkSession spark, List<DatasetInfo> datasets) {
        if (!spark.conf().get("spark.master", "").startsWith("local")) {
            return false;
        }
        return !datasets.isEmpty() && datasets.stream().allMatch(
                d -> SessionBuckets.countIn(d.dataPath()).equals(OptionalInt.of(SessionBuckets.COUNT)));
    }

    /**
     * The action datasets as one table, columns in {@link LogKind#storedSchema()} order.
     * Synchronized: a second caller must not see the table before its partitions are added.
     */
    static synchronized Dataset<Row> table(SparkSession spark, Path dataFolder, List<DatasetInfo> datasets) {
        String name = tableName(datasets);
        StructType stored = LogKind.USER_VISIT_ACTION.storedSchema();
        if (!spark.catalog().tableExists(name)) {
            StructType inFiles = new StructType();
            for (StructField f : stored.fields()) {
                if (!f.name().equals("date")) {
                    inFiles = inFiles.add(f);
                }
            }
            // Partition columns come last in a Spark table.
            spark.sql("CREATE TABLE " + name + " (" + inFiles.toDDL() + ", dataset BIGINT, date DATE) USING parquet"
                    + " PARTITIONED BY (dataset, date) CLUSTERED BY (session_id) INTO " + SessionBuckets.COUNT
                    + " BUCKETS LOCATION " + sqlString(dataFolder.toAbsolutePath().toString()));
            StringBuilder partitions = new StringBuilder();
            for (DatasetInfo d : datasets) {
                for (Path dateFolder : dateFolders(d.dataPath())) {
                    String date = dateFolder.getFileName().toString().substring(DATE_FOLDER.length());
                    partitions.append(" PARTITION (dataset=").append(d.id()).append(", date=").append(sqlString(date))
                            .append(") LOCATION ").append(sqlString(dateFolder.toAbsolutePath().toString()));
                }
            }
            if (!partitions.isEmpty()) {
                spark.sql("ALTER TABLE " + name + " ADD" + partitions);
            }
        }
        return spark.table(name).select(Arrays.stream(stored.fieldNames()).map(functions::col).toArray(Column[]::new));
    }

    private static List<Path> dateFolders(Path dataset) {
        try (Stream<Path> children = Files.list(dataset)) {
            return children.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(DATE_FOLDER))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dataset + ": " + e.getMessage(), e);
        }
    }

    /** Unique per set of folders and imports, so a new workspace's dataset 1 is never an old one's. */
    static String tableName(List<DatasetInfo> datasets) {
        StringBuilder key = new StringBuilder();
        datasets.forEach(d -> key.append(d.dataPath().toAbsolutePath()).append('\n').append(d.importedAt()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "shoplens_actions_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A Spark SQL string literal: backslashes (Windows paths) and quotes escaped. */
    static String sqlString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
