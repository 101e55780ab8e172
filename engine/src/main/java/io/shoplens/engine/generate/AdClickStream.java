package io.shoplens.engine.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * An endless supply of generated ad clicks for a live topic: the batch generator's places, ads
 * and click-fraud bursts, made in chunks of {@value #CHUNK} clicks, each chunk with the next seed
 * and its own users (ids shifted by a million per chunk), so ordinary users stay ordinary however
 * long the stream runs. Same seed, same clicks. The timestamps are the generator's; a live
 * producer stamps each click with the time it sends it.
 */
public final class AdClickStream {

    static final int CHUNK = 10_000;
    private static final long USER_ID_STRIDE = 1_000_000L;

    private final long seed;
    private final ArrayDeque<Object[]> buffer = new ArrayDeque<>();
    private long chunk;

    public AdClickStream(long seed) {
        this.seed = seed;
    }

    /** The next click: {@code timestamp, province, city, user_id, ad_id} (Long, String, String, Long, Long). */
    public Object[] next() {
        if (buffer.isEmpty()) {
            fill();
        }
        return buffer.poll();
    }

    private void fill() {
        GenerateSettings settings = new GenerateSettings(0, 200, 1, 1, CHUNK, seed + chunk,
                GenerateSettings.DEFAULT_START, List.of(LogFormat.CSV));
        long userOffset = chunk * USER_ID_STRIDE;
        try {
            new AdClickGenerator(settings).generate(row -> {
                Object[] copy = row.clone();
                copy[3] = (Long) copy[3] + userOffset;
                buffer.add(copy);
            }, GenerateProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk++;
    }
}
