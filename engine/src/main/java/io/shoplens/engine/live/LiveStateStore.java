package io.shoplens.engine.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live view's counts that grow with the clicks, on disk (RocksDB, in {@code live/<slug>/state}),
 * so that the heap holds only the open day's small tables however many users click. Every
 * micro-batch is one atomic {@link Batch} that also moves {@link Progress#through()}: after a crash
 * the store is exactly at some batch, never between two.
 *
 * <p>What is kept, and for how long:
 * <ul>
 *   <li>{@code user_ad}: clicks per (date, user, ad), the blacklist's counts, for the open day and
 *       the day before (late clicks around midnight); older days are asked of the stored clicks.</li>
 *   <li>{@code user_place}: the open day's clicks per (user, province, city, ad) of users not
 *       blacklisted, to take them out of the daily counts when the user is blacklisted.</li>
 *   <li>{@code user_minute}: the same per minute, for the minutes of the last hour.</li>
 *   <li>{@code since}: the first date each blacklisted user is blacklisted on, for all time.</li>
 *   <li>{@code blacklist}, {@code kept}, {@code minute_kept}, {@code days}: the open day's tables and
 *       the dates seen, which the heap mirrors ({@link LiveAdState}) and a start reads back.</li>
 * </ul>
 *
 * <p>Memory is bounded by RocksDB's settings below (one block cache that also holds the index
 * and filter blocks and is charged with the memtables), not by the data.
 */
final class LiveStateStore implements AutoCloseable {

    private static final long CACHE_BYTES = 64L << 20;
    private static final long WRITE_BUFFERS_BYTES = 48L << 20;
    private static final long WRITE_BUFFER_BYTES = 8L << 20;
    private static final byte[] PROGRESS = "progress".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        RocksDB.loadLibrary();
    }

    private enum Family {
        USER_AD, USER_PLACE, USER_MINUTE, SINCE, BLACKLIST, KEPT, MINUTE_KEPT, DAYS;

        byte[] id() {
            return name().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        }

        /** Counts that only grow between deletes are added up by RocksDB itself, without a read. */
        boolean added() {
            return this == USER_PLACE || this == USER_MINUTE;
        }
    }

    /** A user's clicks on one ad on one date. */
    record UserDateAd(long userId, LocalDate date, Long adId) {
    }

    /** Where the clicks of the open day were made, and on which ad. */
    record Place(String province, String city, Long adId) {
    }

    /** A minute of the last hour: its start (epoch millis), its local text, the ad. */
    record Minute(long start, String minute, Long adId) {
    }

    /** One user's clicks in one minute, with the clicks' local date. */
    record UserMinute(Minute minute, LocalDate date, long clicks) {
    }

    /**
     * The counters of everything merged up to batch {@code through}: the zone and threshold they
     * were counted with, the open day ({@code yyyy-MM-dd}, the date of the latest click; null
     * before the first click).
     */
    record Progress(long through, long clicks, long malformed, List<String> samples, Long latest, String day,
                    int threshold, String zone) {

        static Progress empty(int threshold, String zone) {
            return new Progress(-1, 0, 0, List.of(), null, null, threshold, zone);
        }
    }

    private final Path folder;
    private final LRUCache cache;
    private final WriteBufferManager writeBuffers;
    private final DBOptions options;
    private final List<ColumnFamilyOptions> familyOptions = new ArrayList<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final WriteOptions writeOptions;
    private final RocksDB db;

    private LiveStateStore(Path folder) throws RocksDBException, IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        cache = new LRUCache(CACHE_BYTES);
        writeBuffers = new WriteBufferManager(WRITE_BUFFERS_BYTES, cache);
        options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setWriteBufferManager(writeBuffers)
                .setMaxBackgroundJobs(2)
                .setMaxOpenFiles(512)
                .setMaxTotalWalSize(64L << 20)
                .setKeepLogFileNum(2);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions(false)));
        for (Family f : Family.values()) {
            descriptors.add(new ColumnFamilyDescriptor(f.id(), familyOptions(f.added())));
        }
        writeOptions = new WriteOptions();
        db = RocksDB.open(options, folder.toString(), descriptors, handles);
    }

    private ColumnFamilyOptions familyOptions(boolean added) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setFilterPolicy(new BloomFilter(10));
        ColumnFamilyOptions o = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION);
        if (added) {
            o.setMergeOperator(new UInt64AddOperator());
        }
        familyOptions.add(o);
        return o;
    }

    /** Opens (or creates) the store in {@code folder}. */
    static LiveStateStore open(Path folder) {
        try {
            return new LiveStateStore(folder);
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Cannot open the live state in " + folder + ": "
                    + e.getMessage(), e));
        }
    }

    Path folder() {
        return folder;
    }

    private ColumnFamilyHandle handle(Family f) {
        return handles.get(f.ordinal() + 1);
    }

    // ---- reads -----------------------------------------------------------------------------

    /** The counters as the last committed batch left them; empty for a new store. */
    Optional<Progress> progress() {
        byte[] value = get(handles.get(0), PROGRESS);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(value, Progress.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The live state in " + folder + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** The stored counts of these keys (absent: none). */
    Map<UserDateAd, Long> userAd(Collection<UserDateAd> keys) {
        List<UserDateAd> list = new ArrayList<>(keys);
        List<byte[]> values = multiGet(Family.USER_AD, list.stream().map(LiveStateStore::userAdKey).toList());
        Map<UserDateAd, Long> counts = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (values.get(i) != null) {
                counts.put(list.get(i), readLong(values.get(i)));
            }
        }
        return counts;
    }

    /** The first blacklisted date of each of these users that has one. */
    Map<Long, LocalDate> since(Collection<Long> users) {
        List<Long> list = new ArrayList<>(users);
        List<byte[]> values = multiGet(Family.SINCE, list.stream().map(LiveStateStore::userKey).toList());
        Map<Long, LocalDate> since = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (values.get(i) != null) {
                since.put(list.get(i), LocalDate.ofEpochDay(ByteBuffer.wrap(values.get(i)).getLong()));
            }
        }
        return since;
    }

    /** Every blacklisted user's first blacklisted date. */
    Map<Long, LocalDate> allSince() {
        Map<Long, LocalDate> since = new HashMap<>();
        scan(Family.SINCE, new byte[0], (k, v) -> since.put(flip(ByteBuffer.wrap(k).getLong()),
                LocalDate.ofEpochDay(ByteBuffer.wrap(v).getLong())));
        return since;
    }

    /** The open day's clicks of {@code user} per place, as they count in the daily table. */
    Map<Place, Long> userPlaces(long user) {
        Map<Place, Long> places = new HashMap<>();
        scan(Family.USER_PLACE, userKey(user), (k, v) -> {
            ByteBuffer b = ByteBuffer.wrap(k);
            b.getLong();
            places.put(new Place(readText(b), readText(b), readId(b)), readAdded(v));
        });
        return places;
    }

    /** The kept clicks of {@code user} in the minutes starting at {@code starts}. */
    List<UserMinute> userMinutes(long user, Collection<Long> starts) {
        List<UserMinute> minutes = new ArrayList<>();
        for (long start : starts) {
            byte[] prefix = ByteBuffer.allocate(16).putLong(flip(start)).putLong(flip(user)).array();
            scan(Family.USER_MINUTE, prefix, (k, v) -> {
                ByteBuffer b = ByteBuffer.wrap(k);
                b.position(16);
                Long ad = readId(b);
                LocalDate date = LocalDate.ofEpochDay(flip(b.getLong()));
                minutes.add(new UserMinute(new Minute(start, readText(b), ad), date, readAdded(v)));
            });
        }
        return minutes;
    }

    /** The open day's blacklist, {@code day} being that day: (user, day, ad) to clicks. */
    void forEachBlacklisted(LocalDate day, BiConsumer<UserDateAd, Long> action) {
        scan(Family.BLACKLIST, new byte[0], (k, v) -> {
            ByteBuffer b = ByteBuffer.wrap(k);
            action.accept(new UserDateAd(flip(b.getLong()), day, readId(b)), readLong(v));
        });
    }

    void forEachKept(BiConsumer<Place, Long> action) {
        scan(Family.KEPT, new byte[0], (k, v) -> {
            ByteBuffer b = ByteBuffer.wrap(k);
            action.accept(new Place(readText(b), readText(b), readId(b)), readLong(v));
        });
    }

    void forEachMinuteKept(BiConsumer<Minute, Long> action) {
        scan(Family.MINUTE_KEPT, new byte[0], (k, v) -> {
            ByteBuffer b = ByteBuffer.wrap(k);
            long start = flip(b.getLong());
            action.accept(new Minute(start, readText(b), readId(b)), readLong(v));
        });
    }

    List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        scan(Family.DAYS, new byte[0], (k, v) -> days.add(LocalDate.ofEpochDay(flip(ByteBuffer.wrap(k).getLong()))));
        return days;
    }

    private byte[] get(ColumnFamilyHandle handle, byte[] key) {
        try {
            return db.get(handle, key);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    private List<byte[]> multiGet(Family family, List<byte[]> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try {
            return db.multiGetAsList(java.util.Collections.nCopies(keys.size(), handle(family)), keys);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    /** Every entry of {@code family} whose key starts with {@code prefix}, in key order. */
    private void scan(Family family, byte[] prefix, BiConsumer<byte[], byte[]> action) {
        byte[] end = prefixEnd(prefix);
        try (Slice upper = end == null ? null : new Slice(end);
             ReadOptions read = new ReadOptions();
             RocksIterator it = db.newIterator(handle(family), upper == null ? read : read.setIterateUpperBound(upper))) {
            if (prefix.length == 0) {
                it.seekToFirst();
            } else {
                it.seek(prefix);
            }
            for (; it.isValid(); it.next()) {
                action.accept(it.key(), it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    /** The first key after every key starting with {@code prefix}; null when there is none (all 0xFF). */
    private static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    // ---- writes ----------------------------------------------------------------------------

    /** Changes that {@link Batch#commit} makes together, or not at all. */
    Batch batch() {
        return new Batch();
    }

    final class Batch implements AutoCloseable {

        private final WriteBatch writes = new WriteBatch();

        void userAd(UserDateAd key, long clicks) {
            put(Family.USER_AD, userAdKey(key), longValue(clicks));
        }

        void addUserPlace(long user, Place place, long clicks) {
            merge(Family.USER_PLACE, userPlaceKey(user, place), clicks);
        }

        void deleteUserPlace(long user, Place place) {
            delete(Family.USER_PLACE, userPlaceKey(user, place));
        }

        void addUserMinute(long user, Minute minute, LocalDate date, long clicks) {
            merge(Family.USER_MINUTE, userMinuteKey(user, minute, date), clicks);
        }

        void deleteUserMinute(long user, Minute minute, LocalDate date) {
            delete(Family.USER_MINUTE, userMinuteKey(user, minute, date));
        }

        void since(long user, LocalDate date) {
            put(Family.SINCE, userKey(user), ByteBuffer.allocate(8).putLong(date.toEpochDay()).array());
        }

        void blacklisted(long user, Long ad, long clicks) {
            put(Family.BLACKLIST, userAdOnlyKey(user, ad), longValue(clicks));
        }

        void kept(Place place, long clicks) {
            if (clicks == 0) {
                delete(Family.KEPT, placeKey(place));
            } else {
                put(Family.KEPT, placeKey(place), longValue(clicks));
            }
        }

        void minuteKept(Minute minute, long clicks) {
            if (clicks == 0) {
                delete(Family.MINUTE_KEPT, minuteKey(minute));
            } else {
                put(Family.MINUTE_KEPT, minuteKey(minute), longValue(clicks));
            }
        }

        void day(LocalDate day) {
            put(Family.DAYS, ByteBuffer.allocate(8).putLong(flip(day.toEpochDay())).array(), new byte[0]);
        }

        /** A new open day: the previous one's places, daily counts and blacklist go. */
        void startDay(LocalDate firstKeptUserAdDay) {
            deleteAll(Family.USER_PLACE);
            deleteAll(Family.KEPT);
            deleteAll(Family.BLACKLIST);
            deleteRange(Family.USER_AD, new byte[0], ByteBuffer.allocate(8).putLong(flip(firstKeptUserAdDay.toEpochDay())).array());
        }

        /** Minutes starting at or before {@code start} left the hour. */
        void dropMinutesThrough(long start) {
            byte[] end = ByteBuffer.allocate(8).putLong(flip(start) + 1).array();
            deleteRange(Family.USER_MINUTE, new byte[0], end);
            deleteRange(Family.MINUTE_KEPT, new byte[0], end);
        }

        void progress(Progress progress) {
            try {
                writes.put(handles.get(0), PROGRESS, JSON.writeValueAsBytes(progress));
            } catch (RocksDBException | IOException e) {
                throw failure("write", e);
            }
        }

        /** Writes everything at once (with RocksDB's write-ahead log, so a killed process keeps it). */
        void commit() {
            try {
                db.write(writeOptions, writes);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        @Override
        public void close() {
            writes.close();
        }

        private void put(Family f, byte[] key, byte[] value) {
            try {
                writes.put(handle(f), key, value);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        private void merge(Family f, byte[] key, long add) {
            try {
                writes.merge(handle(f), key, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(add).array());
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        private void delete(Family f, byte[] key) {
            try {
                writes.delete(handle(f), key);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        private void deleteAll(Family f) {
            // Every key of these families is shorter than 64 KiB and none starts with 0xFF x 9.
            byte[] end = new byte[9];
            Arrays.fill(end, (byte) 0xFF);
            deleteRange(f, new byte[0], end);
        }

        private void deleteRange(Family f, byte[] from, byte[] to) {
            try {
                writes.deleteRange(handle(f), from, to);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        writeOptions.close();
        options.close();
        familyOptions.forEach(ColumnFamilyOptions::close);
        writeBuffers.close();
        cache.close();
    }

    /** Deletes a store's folder; it must be closed. */
    static void delete(Path folder) {
        try {
            LiveFolders.deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }

    private UncheckedIOException failure(String what, Exception e) {
        return new UncheckedIOException(new IOException("Cannot " + what + " the live state in " + folder + ": "
                + e.getMessage(), e));
    }

    // ---- keys: big-endian, signed numbers with the sign bit flipped so that bytes sort as numbers.

    private static long flip(long value) {
        return value ^ Long.MIN_VALUE;
    }

    private static byte[] userKey(long user) {
        return ByteBuffer.allocate(8).putLong(flip(user)).array();
    }

    private static byte[] userAdKey(UserDateAd k) {
        ByteBuffer b = buffer(8 + 8 + 9);
        b.putLong(flip(k.date().toEpochDay())).putLong(flip(k.userId()));
        writeId(b, k.adId());
        return bytes(b);
    }

    private static byte[] userAdOnlyKey(long user, Long ad) {
        ByteBuffer b = buffer(8 + 9);
        b.putLong(flip(user));
        writeId(b, ad);
        return bytes(b);
    }

    private static byte[] placeKey(Place p) {
        ByteBuffer b = buffer(textBytes(p.province()) + textBytes(p.city()) + 9);
        writeText(b, p.province());
        writeText(b, p.city());
        writeId(b, p.adId());
        return bytes(b);
    }

    private static byte[] userPlaceKey(long user, Place p) {
        byte[] place = placeKey(p);
        return ByteBuffer.allocate(8 + place.length).putLong(flip(user)).put(place).array();
    }

    private static byte[] minuteKey(Minute m) {
        ByteBuffer b = buffer(8 + textBytes(m.minute()) + 9);
        b.putLong(flip(m.start()));
        writeText(b, m.minute());
        writeId(b, m.adId());
        return bytes(b);
    }

    private static byte[] userMinuteKey(long user, Minute m, LocalDate date) {
        ByteBuffer b = buffer(16 + 9 + 8 + textBytes(m.minute()));
        b.putLong(flip(m.start())).putLong(flip(user));
        writeId(b, m.adId());
        b.putLong(flip(date.toEpochDay()));
        writeText(b, m.minute());
        return bytes(b);
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size);
    }

    private static byte[] bytes(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void writeId(ByteBuffer b, Long id) {
        if (id == null) {
            b.put((byte) 0);
        } else {
            b.put((byte) 1).putLong(flip(id));
        }
    }

    private static Long readId(ByteBuffer b) {
        return b.get() == 0 ? null : flip(b.getLong());
    }

    private static int textBytes(String text) {
        return 1 + (text == null ? 0 : 4 + text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static void writeText(ByteBuffer b, String text) {
        if (text == null) {
            b.put((byte) 0);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        b.put((byte) 1).putInt(utf8.length).put(utf8);
    }

    private static String readText(ByteBuffer b) {
        if (b.get() == 0) {
            return null;
        }
        byte[] utf8 = new byte[b.getInt()];
        b.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] longValue(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static long readLong(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }

    /** The merge operator's sum: 8 bytes, little-endian (RocksDB's fixed64). */
    private static long readAdded(byte[] value) {
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
