package io.shoplens.engine.memory;

import java.util.List;

/**
 * One session of the in-memory session model: the columns of {@code SessionColumns}, with ids as
 * in {@link MemoryAction} ({@link MemoryAction#NONE} when unset), times in whole seconds since the
 * epoch of local wall-clock time, dates in epoch days and GMV in millionths.
 *
 * @param age     the user's age, null when unknown
 * @param actions its actions in session order, rows of the model's columns
 */
public record MemorySession(String sessionId, long userId, long start, long end, long steps, String hour,
                            int firstDate, int minDate, int maxDate, String channel, long cityId, String cityName,
                            String area, List<String> keywords, long[] clickCategories, long orders, long gmvMicros,
                            long ordersWithoutAmount, boolean userKnown, Integer age, String professional,
                            String userCity, String sex, ActionRows actions) {

    public MemorySession {
        keywords = List.copyOf(keywords);
    }

    /** Seconds from the first action to the last. */
    public long visitSeconds() {
        return end - start;
    }
}
