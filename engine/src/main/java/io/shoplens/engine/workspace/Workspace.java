package io.shoplens.engine.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.logs.DefaultCities;
import io.shoplens.engine.logs.LogKind;

/**
 * A ShopLens workspace: a folder with {@code workspace.db} (the SQLite catalog) and {@code data/}
 * (one Parquet folder per dataset, {@code data/<id>/}). One instance owns one connection; methods
 * are synchronized so the app's job threads may share it.
 *
 * <p>Atomicity: the importer writes to a staging folder {@code data/.tmp-<uuid>/}; {@link
 * #commitDatasets} renames it to {@code data/<id>/} inside the SQLite transaction that inserts the
 * catalog rows, and undoes the rename when the transaction fails. Staging folders left by a
 * killed process are deleted on open.
 */
public final class Workspace implements AutoCloseable {

    public static final String PROPERTY = "shoplens.workspace";
    public static final String ENVIRONMENT = "SHOPLENS_WORKSPACE";
    static final String STAGING_PREFIX = ".tmp-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final Path folder;
    private final Path data;
    private final Connection db;

    private Workspace(Path folder, Connection db) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.db = db;
    }

    /** Opens the workspace in {@code folder}, creating the folder and catalog when missing. */
    public static Workspace open(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve("data"));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create workspace folder " + absolute + ": " + e.getMessage(), e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute.resolve("workspace.db"));
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open " + absolute.resolve("workspace.db") + ": " + e.getMessage(), e);
        }
        Workspace ws = new Workspace(absolute, connection);
        try {
            ws.prepare();
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /**
     * The default folder: system property {@value #PROPERTY}, else environment variable
     * {@value #ENVIRONMENT}, else the OS's per-user data folder plus {@code ShopLens}.
     */
    public static Path defaultLocation() {
        return WorkspaceLocation.defaultFolder();
    }

    static Path userDataFolder(String osName, Map<String, String> env, Path home) {
        return WorkspaceLocation.userDataFolder(osName, env, home);
    }

    public Path folder() {
        return folder;
    }

    /** The catalog's schema version ({@code PRAGMA user_version}). */
    public synchronized int schemaVersion() {
        return queryInt("PRAGMA user_version");
    }

    private void prepare() {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot configure " + folder.resolve("workspace.db") + ": " + e.getMessage(), e);
        }
        migrate();
        deleteStaleStaging();
        markInterruptedRuns();
    }

    /** Runs still "running" whose process is gone were interrupted (killed, crashed, power cut). */
    private void markInterruptedRuns() {
        inTransaction(() -> {
            List<Long> orphans = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT id, owner FROM analysis_runs WHERE status='running'");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (ProcessOwner.isGone(rs.getString(2))) {
                        orphans.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE analysis_runs SET status='failed', error='interrupted', finished_at=? WHERE id=?")) {
                for (long id : orphans) {
                    p.setString(1, Instant.now().toString());
                    p.setLong(2, id);
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private void migrate() {
        int version = queryInt("PRAGMA user_version");
        if (version > Migrations.latestVersion()) {
            throw new WorkspaceException("Workspace " + folder + " has catalog version " + version
                    + ", newer than this ShopLens understands (" + Migrations.latestVersion() + ")");
        }
        for (int v = version; v < Migrations.latestVersion(); v++) {
            List<String> steps = Migrations.ALL.get(v);
            int next = v + 1;
            inTransaction(() -> {
                try (Statement s = db.createStatement()) {
                    for (String sql : steps) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + next);
                }
                return null;
            });
        }
    }

    /** Staging folders whose importing process is gone; a live import in another process keeps its own. */
    private void deleteStaleStaging() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, STAGING_PREFIX + "*")) {
            for (Path staging : entries) {
                if (ProcessOwner.isGone(stagingOwner(staging))) {
                    deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot clean " + data + ": " + e.getMessage(), e);
        }
    }

    // ---- datasets -------------------------------------------------------------------------

    public synchronized List<DatasetInfo> datasets() {
        List<DatasetInfo> result = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM datasets ORDER BY id");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                result.add(datasetOf(rs));
            }
        } catch (SQLException e) {
            throw failure("read datasets", e);
        }
        return result;
    }

    public synchronized Optional<DatasetInfo> dataset(long id) {
        return datasets().stream().filter(d -> d.id() == id).findFirst();
    }

    /** The dataset already imported from a file with these bytes, if any. */
    public synchronized Optional<DatasetInfo> datasetWithFingerprint(String fingerprint) {
        return datasets().stream().filter(d -> d.fingerprint().equals(fingerprint)).findFirst();
    }

    public synchronized void renameDataset(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A dataset name must not be blank");
        }
        int changed = inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE datasets SET name=? WHERE id=?")) {
                p.setString(1, name.strip());
                p.setLong(2, id);
                return p.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new IllegalArgumentException("No dataset " + id);
        }
    }

    /**
     * Removes a dataset's catalog rows and its Parquet folder together: the folder is first moved
     * aside (a rename), the rows deleted in one transaction, and only then the folder deleted; a
     * failed transaction moves it back.
     */
    public synchronized void removeDataset(long id) {
        DatasetInfo info = dataset(id).orElseThrow(() -> new IllegalArgumentException("No dataset " + id));
        Path aside = data.resolve(STAGING_PREFIX + "removed-" + UUID.randomUUID());
        boolean moved = false;
        try {
            if (Files.exists(info.dataPath())) {
                move(info.dataPath(), aside);
                moved = true;
            }
            inTransaction(() -> {
                try (PreparedStatement p = db.prepareStatement("DELETE FROM datasets WHERE id=?")) {
                    p.setLong(1, id);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException | IOException e) {
            if (moved) {
                try {
                    move(aside, info.dataPath());
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new WorkspaceException("Cannot remove dataset " + id + ": " + e.getMessage(), e);
        }
        deleteQuietly(aside);
    }

    public synchronized List<RejectedRow> rejectedRows(long datasetId, int limit) {
        List<RejectedRow> rows = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT file, line, reason, text FROM rejected_rows WHERE dataset_id=? ORDER BY rowid LIMIT ?")) {
            p.setLong(1, datasetId);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw failure("read rejected rows", e);
        }
        return rows;
    }

    /** A fresh, empty staging folder under {@code data/} for the importer to write Parquet into. */
    /** The owner in a staging folder's name, or null for a name without one. */
    static String stagingOwner(Path staging) {
        String name = staging.getFileName().toString().substring(STAGING_PREFIX.length());
        int uuid = name.length() - 37;
        return uuid > 0 && name.charAt(uuid) == '-' && name.substring(0, uuid).contains("@") ? name.substring(0, uuid) : null;
    }

    public Path newStagingFolder() {
        // .tmp-<pid@host>-<uuid>: the owner tells a live import from one a killed process left.
        Path staging = data.resolve(STAGING_PREFIX + ProcessOwner.self() + "-" + UUID.randomUUID());
        try {
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a staging folder (after a failed or cancelled import). */
    public void discardStaging(Path staging) {
        if (staging != null && staging.getFileName().toString().startsWith(STAGING_PREFIX)) {
            deleteQuietly(staging);
        }
    }

    /**
     * Adds staged datasets to the catalog, all or none: one SQLite transaction inserts every
     * dataset and its rejected rows, and each staging folder is renamed to {@code data/<id>/}
     * before the commit. On failure the renames are undone, the staging folders deleted and the
     * catalog is as before. Returns the new ids in order.
     */
    public synchronized List<Long> commitDatasets(List<NewDataset> staged) {
        List<Path[]> renamed = new ArrayList<>();
        try {
            List<Long> ids = inTransaction(() -> {
                List<Long> newIds = new ArrayList<>();
                for (NewDataset d : staged) {
                    long id = insertDataset(d);
                    Path target = data.resolve(Long.toString(id));
                    try (PreparedStatement p = db.prepareStatement("UPDATE datasets SET data_path=? WHERE id=?")) {
                        p.setString(1, folder.relativize(target).toString());
                        p.setLong(2, id);
                        p.executeUpdate();
                    }
                    if (Files.exists(target)) {
                        // Left by a dataset whose id SQLite reused after a crash; it is not in the catalog.
                        deleteTree(target);
                    }
                    move(d.stagingFolder(), target);
                    renamed.add(new Path[] {d.stagingFolder(), target});
                    newIds.add(id);
                }
                return newIds;
            });
            return ids;
        } catch (RuntimeException e) {
            for (Path[] r : renamed) {
                try {
                    move(r[1], r[0]);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            staged.forEach(d -> discardStaging(d.stagingFolder()));
            throw e instanceof WorkspaceException ? e : new WorkspaceException("Import not committed: " + e.getMessage(), e);
        }
    }

    private long insertDataset(NewDataset d) throws SQLException, IOException {
        long id;
        try (PreparedStatement p = db.prepareStatement("""
                INSERT INTO datasets (name, kind, source_files, size_bytes, fingerprint, rows_read, rows_accepted,
                  rows_rejected, min_date, max_date, imported_at, data_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,'')""",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, d.name());
            p.setString(2, d.kind().id());
            p.setString(3, JSON.writeValueAsString(d.sourceFiles()));
            p.setLong(4, d.sizeBytes());
            p.setString(5, d.fingerprint());
            p.setLong(6, d.rowsRead());
            p.setLong(7, d.rowsAccepted());
            p.setLong(8, d.rowsRejected());
            p.setString(9, d.minDate() == null ? null : d.minDate().toString());
            p.setString(10, d.maxDate() == null ? null : d.maxDate().toString());
            p.setString(11, Instant.now().toString());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO rejected_rows (dataset_id, file, line, reason, text) VALUES (?,?,?,?,?)")) {
            for (RejectedRow r : d.rejectedRows()) {
                p.setLong(1, id);
                p.setString(2, r.file());
                p.setLong(3, r.line());
                p.setString(4, r.reason());
                p.setString(5, RejectedRow.capped(r.text()));
                p.addBatch();
            }
            p.executeBatch();
        }
        return id;
    }

    private DatasetInfo datasetOf(ResultSet rs) throws SQLException {
        String min = rs.getString("min_date");
        String max = rs.getString("max_date");
        List<String> sources;
        try {
            sources = JSON.readValue(rs.getString("source_files"), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            sources = List.of(rs.getString("source_files"));
        }
        return new DatasetInfo(rs.getLong("id"), rs.getString("name"),
                LogKind.byId(rs.getString("kind")).orElseThrow(), sources, rs.getLong("size_bytes"),
                rs.getString("fingerprint"), rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"), min == null ? null : LocalDate.parse(min),
                max == null ? null : LocalDate.parse(max), Instant.parse(rs.getString("imported_at")),
                folder.resolve(rs.getString("data_path")));
    }

    // ---- tables for analyses ---------------------------------------------------------------

    /**
     * Every dataset's rows, one DataFrame per kind (the union of its datasets), in {@link
     * LogKind#storedSchema()} column order and types. A kind with no rows is an empty DataFrame;
     * cities are {@link DefaultCities} (with null source columns) when none were imported.
     */
    public LogTables tables(SparkSession spark) {
        return tablesOf(spark, datasets());
    }

    /** As {@link #tables(SparkSession)}, over the given datasets only. */
    public LogTables tables(SparkSession spark, java.util.Collection<Long> datasetIds) {
        return tablesOf(spark, datasets().stream().filter(d -> datasetIds.contains(d.id())).toList());
    }

    private LogTables tablesOf(SparkSession spark, List<DatasetInfo> all) {
        return new LogTables(tableOf(spark, LogKind.USER_VISIT_ACTION, all), tableOf(spark, LogKind.USER_INFO, all),
                tableOf(spark, LogKind.PRODUCT_INFO, all), tableOf(spark, LogKind.CITY_INFO, all),
                tableOf(spark, LogKind.AD_CLICK, all), sourceFilesOf(LogKind.USER_VISIT_ACTION, all).size() <= 1);
    }

    /** The distinct {@code source_file} values of a kind's rows: a dataset's rows carry its source files' names. */
    private static Set<String> sourceFilesOf(LogKind kind, List<DatasetInfo> datasets) {
        Set<String> files = new HashSet<>();
        for (DatasetInfo d : datasets) {
            if (d.kind() == kind && d.rowsAccepted() > 0) {
                files.addAll(d.sourceFiles());
            }
        }
        return files;
    }

    /** The datasets of one kind, or its empty/default table. */
    private static Dataset<Row> tableOf(SparkSession spark, LogKind kind, List<DatasetInfo> datasets) {
        Column[] ordered = java.util.Arrays.stream(kind.storedSchema().fieldNames()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> union = null;
        for (DatasetInfo d : datasets) {
            if (d.kind() != kind || d.rowsAccepted() == 0) {
                continue;
            }
            // An explicit schema: no inference, and the date=… folders become the DATE column.
            Dataset<Row> one = spark.read().schema(kind.storedSchema()).parquet(d.dataPath().toString()).select(ordered);
            union = union == null ? one : union.unionByName(one);
        }
        if (union != null) {
            return union;
        }
        if (kind == LogKind.CITY_INFO) {
            Dataset<Row> cities = DefaultCities.table(spark);
            for (StructField f : LogKind.SOURCE_COLUMNS) {
                cities = cities.withColumn(f.name(), functions.lit(null).cast(f.dataType()));
            }
            return cities.select(ordered);
        }
        return LogTables.emptyOf(spark, kind);
    }

    // ---- analysis runs ---------------------------------------------------------------------

    public synchronized long startRun(List<String> analyses, String parametersJson, List<Long> datasetIds) {
        return inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO analysis_runs (analyses, parameters, dataset_ids, status, started_at, owner)"
                            + " VALUES (?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, JSON.writeValueAsString(analyses));
                p.setString(2, parametersJson == null ? "{}" : parametersJson);
                p.setString(3, JSON.writeValueAsString(datasetIds));
                p.setString(4, RunStatus.RUNNING.id());
                p.setString(5, Instant.now().toString());
                p.setString(6, ProcessOwner.self());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Marks a run succeeded and stores its result tables (as CSV text, in order) and timings. */
    public synchronized void finishRun(long runId, List<AnalysisResult> results, Map<String, Long> timingsMillis) {
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO run_results (run_id, position, analysis, table_name, csv) VALUES (?,?,?,?,?)")) {
                int position = 0;
                for (AnalysisResult result : results) {
                    for (ResultTable table : result.tables()) {
                        StringWriter csv = new StringWriter();
                        table.writeCsv(csv);
                        p.setLong(1, runId);
                        p.setInt(2, position++);
                        p.setString(3, result.analysis());
                        p.setString(4, table.name());
                        p.setString(5, csv.toString());
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
            updateRun(runId, RunStatus.SUCCEEDED, JSON.writeValueAsString(timingsMillis), null);
            return null;
        });
    }

    /** Marks a run {@code failed} or {@code cancelled} (status text as in {@link RunStatus#id()}). */
    public synchronized void failRun(long runId, String status, String error) {
        RunStatus s = RunStatus.byId(status);
        if (s != RunStatus.FAILED && s != RunStatus.CANCELLED) {
            throw new IllegalArgumentException("A run ends failed or cancelled, not " + status);
        }
        inTransaction(() -> {
            updateRun(runId, s, null, error);
            return null;
        });
    }

    private void updateRun(long runId, RunStatus status, String timings, String error) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE analysis_runs SET status=?, finished_at=?, timings=?, error=? WHERE id=?")) {
            p.setString(1, status.id());
            p.setString(2, Instant.now().toString());
            p.setString(3, timings);
            p.setString(4, error);
            p.setLong(5, runId);
            if (p.executeUpdate() == 0) {
                throw new IllegalArgumentException("No analysis run " + runId);
            }
        }
    }

    /** All runs, newest first. */
    public synchronized List<RunSummary> runs() {
        List<RunSummary> runs = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM analysis_runs ORDER BY id DESC");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                runs.add(runOf(rs));
            }
        } catch (SQLException | IOException e) {
            throw failure("read analysis runs", e);
        }
        return runs;
    }

    /** The newest succeeded run with its tables; see {@link StoredRun} for the value types. */
    public synchronized Optional<StoredRun> lastSucceededRun() {
        return storedRun(runs().stream().filter(r -> r.status() == RunStatus.SUCCEEDED).findFirst());
    }

    /**
     * The newest succeeded run that computed {@code analysis}, with its tables (of every analysis
     * it ran). The app shows each analysis' own last result, and runs one analysis at a time, so
     * the newest run overall would hide the others.
     */
    public synchronized Optional<StoredRun> lastSucceededRun(String analysis) {
        return storedRun(runs().stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED && r.analyses().contains(analysis)).findFirst());
    }

    private Optional<StoredRun> storedRun(Optional<RunSummary> last) {
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<ResultTable>> byAnalysis = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT analysis, table_name, csv FROM run_results WHERE run_id=? ORDER BY position")) {
            p.setLong(1, last.get().id());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byAnalysis.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
                            .add(tableFromCsv(rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException | IOException e) {
            throw failure("read run results", e);
        }
        List<AnalysisResult> results = new ArrayList<>();
        byAnalysis.forEach((analysis, tables) -> results.add(new AnalysisResult(analysis, tables)));
        return Optional.of(new StoredRun(last.get(), results));
    }

    private RunSummary runOf(ResultSet rs) throws SQLException, IOException {
        String finished = rs.getString("finished_at");
        String timings = rs.getString("timings");
        return new RunSummary(rs.getLong("id"),
                JSON.readValue(rs.getString("analyses"), new TypeReference<List<String>>() { }),
                rs.getString("parameters"),
                JSON.readValue(rs.getString("dataset_ids"), new TypeReference<List<Long>>() { }),
                RunStatus.byId(rs.getString("status")), Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                timings == null ? Map.of() : JSON.readValue(timings, new TypeReference<Map<String, Long>>() { }),
                rs.getString("error"));
    }

    static ResultTable tableFromCsv(String name, String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<Object> values = new ArrayList<>(record.size());
                for (String cell : record) {
                    values.add(valueOf(cell));
                }
                rows.add(values);
            }
            return new ResultTable(name, parser.getHeaderNames(), rows);
        }
    }

    private static Object valueOf(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(cell).matches()) {
            return Long.parseLong(cell);
        }
        if (DECIMAL.matcher(cell).matches()) {
            return Double.parseDouble(cell);
        }
        return cell;
    }

    // ---- Kafka connections and the live view -----------------------------------------------

    /**
     * Saves a connection under its name, replacing one of the same name. Everything but the
     * columns of the first catalog goes into {@code security} as JSON; {@link KafkaSettings} has
     * no password, so none is ever stored.
     */
    public synchronized void saveConnection(KafkaSettings settings) {
        inTransaction(() -> {
            deleteConnection(settings.name());
            Map<String, String> security = new LinkedHashMap<>();
            security.put("consumerGroup", settings.consumerGroup());
            security.put("startingOffsets", settings.startingOffsets().name());
            security.put("format", settings.format().name());
            security.put("securityProtocol", settings.securityProtocol().name());
            security.put("saslMechanism", settings.saslMechanism());
            security.put("username", settings.username());
            security.put("truststorePath", settings.truststorePath());
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO kafka_connections (name, bootstrap, topic, security) VALUES (?,?,?,?)")) {
                p.setString(1, settings.name());
                p.setString(2, settings.bootstrapServers());
                p.setString(3, settings.topic());
                p.setString(4, JSON.writeValueAsString(security));
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The saved connections, by name. */
    public synchronized List<KafkaSettings> connections() {
        List<KafkaSettings> result = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT name, bootstrap, topic, security FROM kafka_connections ORDER BY name, id");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                Map<String, String> s = JSON.readValue(rs.getString(4), new TypeReference<Map<String, String>>() { });
                KafkaSettings defaults = KafkaSettings.plaintext(rs.getString(1), rs.getString(2), rs.getString(3));
                result.add(new KafkaSettings(defaults.name(), defaults.bootstrapServers(), defaults.topic(),
                        s.getOrDefault("consumerGroup", defaults.consumerGroup()),
                        KafkaSettings.StartingOffsets.valueOf(
                                s.getOrDefault("startingOffsets", defaults.startingOffsets().name())),
                        KafkaSettings.MessageFormat.valueOf(s.getOrDefault("format", defaults.format().name())),
                        KafkaSettings.SecurityProtocol.valueOf(
                                s.getOrDefault("securityProtocol", defaults.securityProtocol().name())),
                        s.get("saslMechanism"), s.get("username"), s.get("truststorePath")));
            }
        } catch (SQLException | IOException | IllegalArgumentException e) {
            throw failure("read Kafka connections", e);
        }
        return result;
    }

    /** Removes a saved connection and its live blacklist; true if there was one. */
    public synchronized boolean removeConnection(String name) {
        return inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("DELETE FROM live_blacklist WHERE connection=?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
            return deleteConnection(name) > 0;
        });
    }

    private int deleteConnection(String name) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM kafka_connections WHERE name=?")) {
            p.setString(1, name);
            return p.executeUpdate();
        }
    }

    /**
     * Replaces the live view's blacklist of a connection with {@code blacklist} (the columns of
     * the ads analysis' {@code blacklist} table: user_id, date, ad_id, clicks).
     */
    public synchronized void saveLiveBlacklist(String connection, ResultTable blacklist) {
        int user = blacklist.columnIndex("user_id");
        int date = blacklist.columnIndex("date");
        int ad = blacklist.columnIndex("ad_id");
        int clicks = blacklist.columnIndex("clicks");
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("DELETE FROM live_blacklist WHERE connection=?")) {
                p.setString(1, connection);
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO live_blacklist (connection, user_id, date, ad_id, clicks) VALUES (?,?,?,?,?)")) {
                for (List<Object> row : blacklist.rows()) {
                    p.setString(1, connection);
                    p.setLong(2, ((Number) row.get(user)).longValue());
                    p.setString(3, row.get(date).toString());
                    p.setLong(4, ((Number) row.get(ad)).longValue());
                    p.setLong(5, ((Number) row.get(clicks)).longValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** The live blacklist last saved for a connection, sorted as the ads analysis sorts it. */
    public synchronized ResultTable liveBlacklist(String connection) {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT user_id, date, ad_id, clicks FROM live_blacklist"
                + " WHERE connection=? ORDER BY user_id, date, ad_id")) {
            p.setString(1, connection);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw failure("read the live blacklist", e);
        }
        return new ResultTable("blacklist", List.of("user_id", "date", "ad_id", "clicks"), rows);
    }

    // ---- plumbing --------------------------------------------------------------------------

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, IOException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("update the catalog", e);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot update " + folder + ": " + e.getMessage(), e);
        }
    }

    private int queryInt(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    private WorkspaceException failure(String what, Exception e) {
        return new WorkspaceException("Cannot " + what + " in " + folder.resolve("workspace.db") + ": " + e.getMessage(), e);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // Left behind, it is a .tmp-* folder: the next open deletes it.
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
