package io.shoplens.engine.workspace;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * The analysis runs recorded in the catalog, with the result tables of those that succeeded. A
 * run is recorded as running when it starts, under its process ({@code pid@host}), and ends
 * succeeded, failed or cancelled; one still running whose process is gone was interrupted.
 */
public final class Runs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;

    Runs(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Records a run as started now, reading {@code datasetIds}; returns its id. */
    public long start(List<String> analyses, String parametersJson, List<Long> datasetIds) {
        return start(analyses, parametersJson, datasetIds, List.of());
    }

    /** As {@link #start(List, String, List)}, with where its reference definitions come from. */
    public long start(List<String> analyses, String parametersJson, List<Long> datasetIds,
                      List<ReferenceSource> referenceSources) {
        return catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO analysis_runs (analyses, parameters, dataset_ids, status, started_at, owner,"
                            + " reference_sources) VALUES (?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, JSON.writeValueAsString(analyses));
                p.setString(2, parametersJson == null ? "{}" : parametersJson);
                p.setString(3, JSON.writeValueAsString(datasetIds));
                p.setString(4, RunStatus.RUNNING.id());
                p.setString(5, Instant.now().toString());
                p.setString(6, ProcessOwner.self());
                p.setString(7, JSON.writeValueAsString(referenceSources));
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Marks a run succeeded and stores its result tables (in order) and timings. */
    public void succeed(long runId, List<AnalysisResult> results, Map<String, Long> timingsMillis) {
        catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO run_results (run_id, position, analysis, table_name, schema, csv) VALUES (?,?,?,?,?,?)")) {
                int position = 0;
                for (AnalysisResult result : results) {
                    for (ResultTable table : result.tables()) {
                        p.setLong(1, runId);
                        p.setInt(2, position++);
                        p.setString(3, result.analysis());
                        p.setString(4, table.name());
                        p.setString(5, StoredTables.schemaOf(table));
                        p.setString(6, StoredTables.rowsOf(table));
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
            update(db, runId, RunStatus.SUCCEEDED, JSON.writeValueAsString(timingsMillis), null);
            return null;
        });
    }

    /** Marks a run {@link RunStatus#FAILED failed} or {@link RunStatus#CANCELLED cancelled}, saying why. */
    public void end(long runId, RunStatus status, String error) {
        if (status != RunStatus.FAILED && status != RunStatus.CANCELLED) {
            throw new IllegalArgumentException("A run ends failed or cancelled, not " + status.id());
        }
        catalog.inTransaction(db -> {
            update(db, runId, status, null, error);
            return null;
        });
    }

    private static void update(Connection db, long runId, RunStatus status, String timings, String error)
            throws SQLException {
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
    public List<RunSummary> all() {
        return catalog.read(db -> {
            List<RunSummary> runs = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM analysis_runs ORDER BY id DESC");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    runs.add(runOf(rs));
                }
            }
            return runs;
        });
    }

    /** The newest succeeded run with its tables. */
    public Optional<StoredRun> lastSucceeded() {
        return stored(newest("SELECT * FROM analysis_runs WHERE status=? ORDER BY id DESC LIMIT 1",
                RunStatus.SUCCEEDED.id()));
    }

    /**
     * The newest succeeded run that computed {@code analysis}, with its tables (of every analysis
     * it ran). The app shows each analysis' own last result, and runs one analysis at a time, so
     * the newest run overall would hide the others.
     */
    public Optional<StoredRun> lastSucceeded(String analysis) {
        return stored(newest("SELECT * FROM analysis_runs WHERE status=?"
                + " AND EXISTS (SELECT 1 FROM json_each(analyses) WHERE value=?) ORDER BY id DESC LIMIT 1",
                RunStatus.SUCCEEDED.id(), analysis));
    }

    /**
     * The newest succeeded run that computed an analysis other than {@code analysis}, without its
     * tables: the app asks for the filter of the last run that used one, and ad clicks ignore it.
     */
    public Optional<RunSummary> lastSucceededOtherThan(String analysis) {
        return newest("SELECT * FROM analysis_runs WHERE status=?"
                + " AND EXISTS (SELECT 1 FROM json_each(analyses) WHERE value<>?) ORDER BY id DESC LIMIT 1",
                RunStatus.SUCCEEDED.id(), analysis);
    }

    private Optional<RunSummary> newest(String sql, String... parameters) {
        return catalog.read(db -> {
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(runOf(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Runs still running whose process is gone were interrupted (killed, crashed, power cut). */
    void markInterrupted() {
        catalog.inTransaction(db -> {
            List<Long> orphans = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT id, owner FROM analysis_runs WHERE status=?")) {
                q.setString(1, RunStatus.RUNNING.id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (ProcessOwner.isGone(rs.getString(2))) {
                            orphans.add(rs.getLong(1));
                        }
                    }
                }
            }
            for (long id : orphans) {
                update(db, id, RunStatus.FAILED, null, "interrupted");
            }
            return null;
        });
    }

    private Optional<StoredRun> stored(Optional<RunSummary> last) {
        if (last.isEmpty()) {
            return Optional.empty();
        }
        boolean[] typed = {true};
        Map<String, List<ResultTable>> byAnalysis = catalog.read(db -> {
            Map<String, List<ResultTable>> tables = new LinkedHashMap<>();
            try (PreparedStatement p = db.prepareStatement("SELECT analysis, table_name, schema, csv FROM run_results"
                    + " WHERE run_id=? ORDER BY position")) {
                p.setLong(1, last.get().id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        typed[0] &= rs.getString(3) != null;
                        tables.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
                                .add(StoredTables.read(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return tables;
        });
        List<AnalysisResult> results = new ArrayList<>();
        byAnalysis.forEach((analysis, tables) -> results.add(new AnalysisResult(analysis, tables)));
        return Optional.of(new StoredRun(last.get(), results, typed[0]));
    }

    private static RunSummary runOf(ResultSet rs) throws SQLException, IOException {
        String finished = rs.getString("finished_at");
        String timings = rs.getString("timings");
        String sources = rs.getString("reference_sources");
        return new RunSummary(rs.getLong("id"),
                JSON.readValue(rs.getString("analyses"), new TypeReference<List<String>>() { }),
                rs.getString("parameters"),
                JSON.readValue(rs.getString("dataset_ids"), new TypeReference<List<Long>>() { }),
                RunStatus.byId(rs.getString("status")), Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                timings == null ? Map.of() : JSON.readValue(timings, new TypeReference<Map<String, Long>>() { }),
                rs.getString("error"),
                sources == null ? List.of() : JSON.readValue(sources, new TypeReference<List<ReferenceSource>>() { }));
    }
}
