package io.shoplens.engine.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * How the importer spreads a dataset's user actions over files by session, so that Spark can
 * read them as a bucketed table and group them by session without a shuffle (issue 9).
 *
 * <p>An action goes to bucket {@code pmod(hash(session_id), COUNT)}, with the hash Spark itself
 * uses for bucketing (Murmur3, seed 42), and its file name ends in {@code _<bucket>} as Spark's
 * bucketed writers name them. A folder written so holds a {@link #MARKER} file with the count;
 * Spark skips files whose name starts with {@code _}. A folder without one (imported by an older
 * ShopLens) is read as before.
 */
public final class SessionBuckets {

    /**
     * Buckets per dataset. A bucketed scan has one task per bucket, so this caps the parallelism
     * of the per-session pass: 16 keeps a 16-core desktop busy and costs a 2-core one little.
     */
    public static final int COUNT = 16;

    /** The marker file in a bucketed dataset folder; its content is the bucket count. */
    public static final String MARKER = "_session_buckets";

    /** Spark's seed for {@code hash()} and bucketing. */
    private static final int SEED = 42;

    private SessionBuckets() {
    }

    /** The bucket of a session id: Spark's {@code pmod(hash(session_id), COUNT)}. */
    public static int of(String sessionId) {
        int hash;
        if (sessionId == null) {
            hash = SEED;
        } else {
            byte[] bytes = sessionId.getBytes(StandardCharsets.UTF_8);
            hash = Murmur3_x86_32.hashUnsafeBytes(bytes, Platform.BYTE_ARRAY_OFFSET, bytes.length, SEED);
        }
        return Math.floorMod(hash, COUNT);
    }

    /** The part file name for a bucket, ending in {@code _NNNNN} as Spark expects of bucket files. */
    public static String fileName(int part, int bucket) {
        return String.format("part-%d_%05d.parquet", part, bucket);
    }

    /** Marks {@code folder} as holding bucketed actions. */
    public static void mark(Path folder) throws IOException {
        Files.writeString(folder.resolve(MARKER), Integer.toString(COUNT), StandardCharsets.US_ASCII);
    }

    /** The bucket count a dataset folder was written with, empty when it is not bucketed. */
    public static OptionalInt countIn(Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(marker, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            // An unreadable marker only costs the shuffle the bucketing saves.
            return OptionalInt.empty();
        }
    }
}
