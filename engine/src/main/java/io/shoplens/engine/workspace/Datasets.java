package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.parquet.io.InputFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;

/**
 * The workspace's datasets: their catalog rows and their Parquet folders ({@code data/<id>/} in
 * the {@link DataFolder}), changed together. A commit renames each staged folder into place inside
 * the SQLite transaction that inserts the catalog rows, and undoes the renames when the
 * transaction fails. A data folder on another file system gets each staged folder copied in under
 * its staging name first, outside the transaction, so the transaction itself only renames.
 *
 * <p>Where datasets of a reference kind define one id differently, the one of highest
 * precedence wins: each import gets a precedence above all before it (the most recent import
 * wins), and {@link #prefer} raises a dataset above the others the same way.
 */
public final class Datasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataFolder data;
    private final Catalog catalog;
    private final Staging staging;

    Datasets(DataFolder data, Catalog catalog, Staging staging) {
        this.data = data;
        this.catalog = catalog;
        this.staging = staging;
    }

    /** A dataset's Parquet part files, by path, wherever the data folder is. */
    public List<InputFile> parquetFiles(DatasetInfo dataset) throws IOException {
        return data.files(folderOf(dataset.id()), ".parquet");
    }

    /** The dataset's folder relative to the data folder, as the catalog records it. */
    private static String folderOf(long id) {
        return Staging.DATA + "/" + id;
    }

    /** Every dataset, in catalog (import) order. */
    public List<DatasetInfo> all() {
        return catalog.read(db -> {
            List<DatasetInfo> result = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM datasets ORDER BY id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(datasetOf(rs));
                }
            }
            return result;
        });
    }

    public Optional<DatasetInfo> byId(long id) {
        return all().stream().filter(d -> d.id() == id).findFirst();
    }

    /** The dataset already imported from a file with these bytes, if any. */
    public Optional<DatasetInfo> withFingerprint(String fingerprint) {
        return all().stream().filter(d -> d.fingerprint().equals(fingerprint)).findFirst();
    }

    public void rename(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A dataset name must not be blank");
        }
        int changed = catalog.inTransaction(db -> {
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
    public void remove(long id) {
        byId(id).orElseThrow(() -> new IllegalArgumentException("No dataset " + id));
        String folder = folderOf(id);
        String aside = staging.asideFolder();
        boolean moved = false;
        try {
            if (data.isDirectory(folder)) {
                data.move(folder, aside);
                moved = true;
            }
            catalog.inTransaction(db -> {
                try (PreparedStatement p = db.prepareStatement("DELETE FROM datasets WHERE id=?")) {
                    p.setLong(1, id);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException | IOException e) {
            if (moved) {
                try {
                    data.move(aside, folder);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new WorkspaceException("Cannot remove dataset " + id + ": " + e.getMessage(), e);
        }
        deleteQuietly(aside);
    }

    /**
     * Makes a dataset win over every other where they define an id differently, as if it had been
     * imported last; a later import wins over it again.
     */
    public void prefer(long id) {
        int changed = catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE datasets SET precedence = (SELECT COALESCE(MAX(precedence), 0) + 1 FROM datasets) WHERE id=?")) {
                p.setLong(1, id);
                return p.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new IllegalArgumentException("No dataset " + id);
        }
    }

    /**
     * The datasets' ids from the one that loses to every other where definitions differ to the one
     * that wins: what, besides the datasets themselves, decides the tables analyses read.
     */
    public List<Long> precedenceOrder() {
        return rankings().entrySet().stream()
                .sorted(Map.Entry.<Long, Ranking>comparingByValue(java.util.Comparator.comparingLong(Ranking::precedence))
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** How each dataset ranks where reference definitions differ, by dataset id. */
    Map<Long, Ranking> rankings() {
        return catalog.read(db -> {
            Map<Long, Ranking> rankings = new HashMap<>();
            try (PreparedStatement p = db.prepareStatement("SELECT id, precedence, duplicate_ids FROM datasets");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long duplicates = rs.getLong(3);
                    rankings.put(rs.getLong(1), new Ranking(rs.getLong(2), rs.wasNull() ? -1 : duplicates));
                }
            }
            return rankings;
        });
    }

    /**
     * @param precedence   higher wins
     * @param duplicateIds rows whose id an earlier row of the same dataset defined; -1 when not
     *                     counted (imported before this was)
     */
    record Ranking(long precedence, long duplicateIds) {
    }

    /** The first {@code limit} rows the import of a dataset rejected, in file order. */
    public List<RejectedRow> rejectedRows(long datasetId, int limit) {
        return catalog.read(db -> {
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
            }
            return rows;
        });
    }

    /**
     * Adds staged datasets to the catalog, all or none: one SQLite transaction inserts every
     * dataset and its rejected rows, and each staging folder is renamed to {@code data/<id>/}
     * before the commit. On failure the renames are undone, the staging folders deleted and the
     * catalog is as before. Returns the new ids in order.
     */
    public List<Long> commit(List<NewDataset> staged) {
        List<String> placed = staged.stream().map(d -> staging.placeOf(d.stagingFolder())).toList();
        List<String[]> renamed = new ArrayList<>();
        try {
            place(staged, placed);
            return catalog.inTransaction(db -> {
                List<Long> newIds = new ArrayList<>();
                for (int i = 0; i < staged.size(); i++) {
                    long id = insert(db, staged.get(i));
                    String target = folderOf(id);
                    try (PreparedStatement p = db.prepareStatement("UPDATE datasets SET data_path=? WHERE id=?")) {
                        p.setString(1, target);
                        p.setLong(2, id);
                        p.executeUpdate();
                    }
                    if (data.isDirectory(target)) {
                        // Left by a dataset whose id SQLite reused after a crash; it is not in the catalog.
                        data.deleteTree(target);
                    }
                    data.move(placed.get(i), target);
                    renamed.add(new String[] {placed.get(i), target});
                    newIds.add(id);
                }
                return newIds;
            });
        } catch (IOException | RuntimeException e) {
            for (String[] r : renamed) {
                try {
                    data.move(r[1], r[0]);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            placed.forEach(this::deleteQuietly);
            staged.forEach(d -> staging.discard(d.stagingFolder()));
            throw e instanceof WorkspaceException w ? w : new WorkspaceException("Import not committed: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the staged folders into the data folder at {@code places}: nothing to do when they were
     * staged there; a copy when the data folder is elsewhere (the local folders then go).
     */
    private void place(List<NewDataset> staged, List<String> places) throws IOException {
        if (staging.stagesInPlace()) {
            return;
        }
        Map<Path, String> copies = new LinkedHashMap<>();
        for (int i = 0; i < staged.size(); i++) {
            copies.put(staged.get(i).stagingFolder(), places.get(i));
        }
        data.put(copies);
        copies.keySet().forEach(staging::discard);
    }

    private void deleteQuietly(String folder) {
        try {
            data.deleteTree(folder);
        } catch (IOException | RuntimeException e) {
            // Named .tmp-*: the next open deletes it once its process is gone.
        }
    }

    private static long insert(Connection db, NewDataset d) throws SQLException, IOException {
        long id;
        try (PreparedStatement p = db.prepareStatement("""
                INSERT INTO datasets (name, kind, source_files, size_bytes, fingerprint, rows_read, rows_accepted,
                  rows_rejected, min_date, max_date, imported_at, data_path, precedence, duplicate_ids)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,'',(SELECT COALESCE(MAX(precedence), 0) + 1 FROM datasets),?)""",
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
            p.setLong(12, d.duplicateIds());
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
                data.location(rs.getString("data_path").replace('\\', '/')));
    }
}
