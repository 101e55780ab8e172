package io.shoplens.engine.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.files.AtomicFiles;
import io.shoplens.engine.files.ParquetRows;

/**
 * The live GMV view's state on disk: a snapshot ({@link GmvSnapshot}) replaces the stored batches
 * it was taken after, so a restart reads the snapshot and the batches since, and the workspace
 * holds about two days of actions however long the view runs.
 *
 * <p>Crash-safe in three moves, as the ad-click view's compaction: the snapshot is written to a
 * temporary folder and renamed to {@code snapshots/through=N}; {@code snapshot.json} is switched
 * to N (an atomic rename), the one moment it takes effect; then the batches up to N and older
 * snapshots are deleted. {@link #recover} finishes or undoes a run stopped between any two.
 */
final class GmvSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ROW_GROUP_BYTES = 32L << 20;
    private static final String PREFIX = "through=";
    private static final String ROWS = "rows.parquet";
    private static final String STATE = "state.json";
    private static final int ACTION = 0;
    private static final int ORDER = 1;

    /** A kept action or order change; {@code pay} 0 or 1 (the Parquet helper has no boolean). */
    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.IntegerType)
            .add("order_id", DataTypes.StringType)
            .add("action_time", DataTypes.TimestampNTZType)
            .add("source", DataTypes.IntegerType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType)
            .add("date", DataTypes.DateType)
            .add("session_id", DataTypes.StringType)
            .add("page_id", DataTypes.LongType)
            .add("channel", DataTypes.StringType)
            .add("pay", DataTypes.IntegerType)
            .add("amount_micros", DataTypes.LongType)
            .add("user_id", DataTypes.LongType);

    /** The snapshot's scalars; dates and times as ISO text. */
    record StateFile(long through, String day, String latest, long actionsRead, long orderChangesRead,
                     long malformedActionsRead, long malformedOrdersRead, long lateRead, boolean dayBeforeRead,
                     List<String> samples) {
    }

    /** Which snapshot counts. */
    record Pointer(long through) {
    }

    private final LiveFolders folders;

    GmvSnapshots(LiveFolders folders) {
        this.folders = folders;
    }

    /** The batch the snapshot in effect was taken after; -1 when there is none. */
    long through() {
        Path pointer = pointer();
        if (!Files.exists(pointer)) {
            return -1;
        }
        try {
            return JSON.readValue(pointer.toFile(), Pointer.class).through();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer + ": " + e.getMessage(), e);
        }
    }

    /** Keeps {@code snapshot} in place of the stored batches up to its {@code through}. */
    void write(GmvSnapshot snapshot) {
        Path target = folder(snapshot.through());
        Path temp = snapshots().resolve("." + PREFIX + snapshot.through() + ".tmp");
        try {
            LiveFolders.deleteTree(temp);
            Files.createDirectories(temp);
            writeRows(temp.resolve(ROWS), snapshot);
            JSON.writeValue(temp.resolve(STATE).toFile(), stateFile(snapshot));
            LiveFolders.deleteTree(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            byte[] pointer = JSON.writeValueAsBytes(new Pointer(snapshot.through()));
            AtomicFiles.write(pointer(), out -> out.write(pointer));
            deleteReplaced(snapshot.through());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the live GMV state of batch " + snapshot.through() + " in "
                    + target + ": " + e.getMessage(), e);
        }
    }

    /** The snapshot in effect, if any. */
    Optional<GmvSnapshot> read() {
        long through = through();
        if (through < 0) {
            return Optional.empty();
        }
        Path folder = folder(through);
        try {
            StateFile state = JSON.readValue(folder.resolve(STATE).toFile(), StateFile.class);
            List<GmvAction> actions = new ArrayList<>();
            List<LiveGmvState.OrderChange> orders = new ArrayList<>();
            ParquetRows.read(folder.resolve(ROWS), SCHEMA, r -> {
                GmvAction a = new GmvAction((LocalDateTime) r[2], (Integer) r[3], (Integer) r[4], (Long) r[5],
                        (LocalDate) r[6], (String) r[7], (Long) r[8], (String) r[9], ((Integer) r[10]) == 1,
                        (Long) r[11], (Long) r[12]);
                if ((Integer) r[0] == ACTION) {
                    actions.add(a);
                } else {
                    orders.add(new LiveGmvState.OrderChange((String) r[1], a));
                }
            });
            return Optional.of(new GmvSnapshot(state.through(), state.day() == null ? null : LocalDate.parse(state.day()),
                    state.latest() == null ? null : LocalDateTime.parse(state.latest()),
                    new GmvSnapshot.Counters(state.actionsRead(), state.orderChangesRead(), state.malformedActionsRead(),
                            state.malformedOrdersRead(), state.lateRead(), state.dayBeforeRead()),
                    state.samples(), actions, orders));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the live GMV state in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the files in the state a complete run leaves them in: what the pointer names stays,
     * with the batches after it; a snapshot it does not name was never switched to, or replaced.
     */
    void recover() {
        try {
            deleteReplaced(through());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + snapshots() + ": " + e.getMessage(), e);
        }
    }

    private void deleteReplaced(long through) throws IOException {
        if (Files.isDirectory(snapshots())) {
            try (Stream<Path> all = Files.list(snapshots())) {
                for (Path p : all.toList()) {
                    if (!p.getFileName().toString().equals(PREFIX + through)) {
                        LiveFolders.deleteTree(p);
                    }
                }
            }
        }
        if (through < 0 || !Files.isDirectory(folders.messages())) {
            return;
        }
        try (Stream<Path> batches = Files.list(folders.messages())) {
            for (Path p : batches.toList()) {
                long id = StoredBatches.batchId(p);
                if (id >= 0 && id <= through) {
                    LiveFolders.deleteTree(p);
                }
            }
        }
    }

    private static void writeRows(Path file, GmvSnapshot snapshot) throws IOException {
        try (ParquetWriter<Object[]> out = ParquetRows.writer(file, SCHEMA, ROW_GROUP_BYTES)) {
            for (GmvAction a : snapshot.actions()) {
                out.write(row(ACTION, null, a));
            }
            for (LiveGmvState.OrderChange c : snapshot.orders()) {
                out.write(row(ORDER, c.orderId(), c.action()));
            }
        }
    }

    private static Object[] row(int kind, String orderId, GmvAction a) {
        return new Object[] {kind, orderId, a.time(), a.source(), a.partition(), a.offset(), a.date(), a.sessionId(),
                a.pageId(), a.channel(), a.pay() ? 1 : 0, a.amountMicros(), a.userId()};
    }

    private static StateFile stateFile(GmvSnapshot s) {
        GmvSnapshot.Counters c = s.counters();
        return new StateFile(s.through(), s.day() == null ? null : s.day().toString(),
                s.latest() == null ? null : s.latest().toString(), c.actionsRead(), c.orderChangesRead(),
                c.malformedActionsRead(), c.malformedOrdersRead(), c.lateRead(), c.dayBeforeRead(), s.samples());
    }

    private Path snapshots() {
        return folders.root().resolve("snapshots");
    }

    private Path folder(long through) {
        return snapshots().resolve(PREFIX + through);
    }

    private Path pointer() {
        return folders.root().resolve("snapshot.json");
    }
}
