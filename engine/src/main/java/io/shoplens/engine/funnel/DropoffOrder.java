package io.shoplens.engine.funnel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.shoplens.engine.text.Text;

/**
 * The rows of {@code funnel_dropoff}: the units that dropped off by level, then by unit id (a null
 * id first, session ids in code point order, user ids as numbers).
 *
 * <p>At ten million actions hundreds of thousands of units drop off, and sorting them through a
 * comparator of boxed levels and {@link Text#compare} cost a quarter of the in-memory funnel. So
 * the drops are put in buckets by level, and each bucket's ids sorted as what they are: user ids
 * as a {@code long[]}; session ids by their first characters packed in a {@code long}
 * ({@link #sortTexts}), else as strings in {@link String#compareTo} order, which is code point
 * order whenever no id holds a surrogate (UTF-16 order and code point order differ only there),
 * else by {@link Text#compare}. Anything else (a level out of range, ids of two kinds) takes the
 * general comparator. The same order as that comparator, row for row.
 */
final class DropoffOrder {

    /** The general order: by level, then id, a null id first. */
    private static final Comparator<FunnelCounts.Drop> GENERAL = Comparator.comparingInt(FunnelCounts.Drop::level)
            .thenComparing(FunnelCounts.Drop::unitId, DropoffOrder::compareIds);

    /** Levels are at most the number of steps; more buckets than this would be a waste. */
    private static final int MAX_BUCKETS = 1024;

    private DropoffOrder() {
    }

    /** {@code [level, unit id]} rows of {@code drops}, in order. */
    static List<List<Object>> rows(List<FunnelCounts.Drop> drops) {
        int maxLevel = 0;
        for (FunnelCounts.Drop d : drops) {
            if (d.level() < 0 || d.level() > MAX_BUCKETS) {
                return general(drops);
            }
            maxLevel = Math.max(maxLevel, d.level());
        }
        int[] perLevel = new int[maxLevel + 1];
        drops.forEach(d -> perLevel[d.level()]++);
        List<List<Object>> byLevel = new ArrayList<>();
        for (int level = 0; level <= maxLevel; level++) {
            byLevel.add(new ArrayList<>(perLevel[level]));
        }
        for (FunnelCounts.Drop d : drops) {
            byLevel.get(d.level()).add(d.unitId());
        }
        List<List<Object>> rows = new ArrayList<>(drops.size());
        for (int level = 0; level <= maxLevel; level++) {
            List<Object> ids = byLevel.get(level);
            if (ids.isEmpty()) {
                continue;
            }
            Object[] sorted = sortedIds(ids);
            if (sorted == null) {
                return general(drops);
            }
            Long levelValue = (long) level;
            for (Object id : sorted) {
                rows.add(Arrays.asList(levelValue, id));
            }
        }
        return rows;
    }

    /** The ids in order, nulls first; null when they are not all of one kind. */
    private static Object[] sortedIds(List<Object> ids) {
        int nulls = 0;
        int numbers = 0;
        int texts = 0;
        for (Object id : ids) {
            if (id == null) {
                nulls++;
            } else if (id instanceof Long) {
                numbers++;
            } else if (id instanceof String) {
                texts++;
            }
        }
        Object[] sorted = new Object[ids.size()];
        if (numbers == ids.size() - nulls) {
            long[] values = new long[numbers];
            int i = 0;
            for (Object id : ids) {
                if (id != null) {
                    values[i++] = (Long) id;
                }
            }
            Arrays.sort(values);
            for (int k = 0; k < numbers; k++) {
                sorted[nulls + k] = values[k];
            }
            return sorted;
        }
        if (texts == ids.size() - nulls) {
            String[] values = new String[texts];
            int i = 0;
            for (Object id : ids) {
                if (id != null) {
                    values[i++] = (String) id;
                }
            }
            sortTexts(values);
            System.arraycopy(values, 0, sorted, nulls, texts);
            return sorted;
        }
        return null;
    }

    /**
     * Sorts texts in code point order. Ids whose first characters are ASCII (session ids are
     * UUIDs) are sorted as {@code long}s holding those characters, 7 bits each, and their place
     * in {@code texts}; only ids that share those characters are then compared as texts.
     */
    static void sortTexts(String[] texts) {
        int placeBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(texts.length));
        // The sign bit stays clear, so the signed sort is the order of the characters.
        int chars = (63 - placeBits) / 7;
        long[] keys = new long[texts.length];
        for (int i = 0; i < texts.length; i++) {
            long prefix = asciiPrefix(texts[i], chars);
            if (prefix < 0) {
                sortAsTexts(texts);
                return;
            }
            keys[i] = prefix << placeBits | i;
        }
        Arrays.sort(keys);
        String[] source = texts.clone();
        long placeMask = (1L << placeBits) - 1;
        for (int i = 0; i < keys.length; i++) {
            texts[i] = source[(int) (keys[i] & placeMask)];
        }
        // A missing character counts as 0, so a prefix never sorts after a longer text: ids
        // with the same key are in their place, only in no order among themselves.
        for (int from = 0; from < keys.length; ) {
            int to = from + 1;
            while (to < keys.length && keys[to] >>> placeBits == keys[from] >>> placeBits) {
                to++;
            }
            if (to - from > 1) {
                Arrays.sort(texts, from, to, Text::compare);
            }
            from = to;
        }
    }

    /** The first {@code chars} characters of {@code text}, 7 bits each, 0 past its end; -1 if one is not ASCII. */
    private static long asciiPrefix(String text, int chars) {
        long prefix = 0;
        for (int i = 0; i < chars; i++) {
            char c = i < text.length() ? text.charAt(i) : 0;
            if (c >= 0x80) {
                return -1;
            }
            prefix = prefix << 7 | c;
        }
        return prefix;
    }

    /** Sorts texts in code point order, by {@link String#compareTo} when none holds a surrogate. */
    private static void sortAsTexts(String[] texts) {
        boolean surrogates = false;
        for (String text : texts) {
            surrogates = surrogates || hasSurrogate(text);
        }
        if (surrogates) {
            Arrays.sort(texts, Text::compare);
        } else {
            Arrays.sort(texts);
        }
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Object>> general(List<FunnelCounts.Drop> drops) {
        return drops.stream().sorted(GENERAL)
                .map(d -> Arrays.asList((Object) (long) d.level(), d.unitId()))
                .toList();
    }

    private static int compareIds(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a instanceof Long x ? Long.compare(x, (Long) b) : Text.compare((String) a, (String) b);
    }
}
