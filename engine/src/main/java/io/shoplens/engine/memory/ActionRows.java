package io.shoplens.engine.memory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The actions of one session, or of one unit's path, in path order: rows of the model's
 * {@link ActionColumns}, read place by place ({@code 0..size()-1}). A session as loaded is a run
 * of consecutive rows and costs no list of its own; a session cut by dates, or a user's path over
 * several sessions, lists its rows. No action is copied either way.
 */
public final class ActionRows {

    private final ActionColumns columns;
    private final int first;
    private final int size;
    /** The rows in path order, or null for the run {@code first..first+size-1}. */
    private final int[] rows;

    private ActionRows(ActionColumns columns, int first, int size, int[] rows) {
        this.columns = columns;
        this.first = first;
        this.size = size;
        this.rows = rows;
    }

    /** The run of {@code size} rows from {@code first}. */
    static ActionRows run(ActionColumns columns, int first, int size) {
        return new ActionRows(columns, first, size, null);
    }

    /** Hand-made actions in path order, in columns of their own. */
    static ActionRows of(List<MemoryAction> actions) {
        ActionColumns.Builder builder = new ActionColumns.Builder();
        actions.forEach(builder::add);
        return run(builder.build(), 0, actions.size());
    }

    /**
     * The actions of {@code parts} (rows of one set of columns) in Spark's order of the model's
     * action structs ({@link ActionOrder}): a user's path over their sessions.
     *
     * <p>Time comes first in that order and mostly decides it, so the rows are sorted as
     * {@code long}s of their time and place, and only rows of one time are then put in order by
     * the full comparator: boxing every row and comparing through it cost most of a user funnel.
     * Both sorts keep the given order of equal rows, as the one sort by the comparator did.
     */
    static ActionRows inSparkOrder(List<ActionRows> parts) {
        ActionColumns columns = parts.get(0).columns;
        int total = 0;
        for (ActionRows p : parts) {
            if (p.columns != columns) {
                throw new IllegalArgumentException("actions of two models");
            }
            total += p.size;
        }
        int[] all = new int[total];
        long[] keys = new long[total];
        int at = 0;
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        for (ActionRows p : parts) {
            for (int i = 0; i < p.size; i++) {
                int row = p.row(i);
                long time = columns.time(row);
                all[at] = row;
                keys[at++] = time;
                minTime = Math.min(minTime, time);
                maxTime = Math.max(maxTime, time);
            }
        }
        long span = maxTime - minTime;
        if (total > 0 && (span < 0 || span >= 1L << 31)) {
            return byComparator(columns, all); // times too far apart to share a long with the place
        }
        for (int i = 0; i < total; i++) {
            keys[i] = (keys[i] - minTime) << 32 | i;
        }
        Arrays.sort(keys);
        int[] sorted = new int[total];
        for (int i = 0; i < total; i++) {
            sorted[i] = all[(int) keys[i]];
        }
        Comparator<Integer> order = null;
        for (int from = 0; from < total; ) {
            int to = from + 1;
            while (to < total && keys[to] >>> 32 == keys[from] >>> 32) {
                to++;
            }
            if (to - from > 1) {
                order = order != null ? order : ActionOrder.of(columns);
                sortRange(sorted, from, to, order);
            }
            from = to;
        }
        return new ActionRows(columns, 0, total, sorted);
    }

    /** The rows in {@link ActionOrder}, sorted by it alone. */
    private static ActionRows byComparator(ActionColumns columns, int[] rows) {
        Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, ActionOrder.of(columns));
        return new ActionRows(columns, 0, boxed.length, Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
    }

    /** Sorts {@code rows[from..to)} by {@code order}, equal rows kept in their order. */
    private static void sortRange(int[] rows, int from, int to, Comparator<Integer> order) {
        Integer[] range = new Integer[to - from];
        for (int i = from; i < to; i++) {
            range[i - from] = rows[i];
        }
        Arrays.sort(range, order);
        for (int i = from; i < to; i++) {
            rows[i] = range[i - from];
        }
    }

    /** The actions at the places {@code kept} accepts, in the same order. */
    ActionRows keptWhere(IntPredicate kept) {
        int[] left = IntStream.range(0, size).filter(kept).map(this::row).toArray();
        return new ActionRows(columns, 0, left.length, left);
    }

    public int size() {
        return size;
    }

    /** The action at {@code place} as one value. */
    public MemoryAction get(int place) {
        return columns.action(row(place));
    }

    private int row(int place) {
        return rows == null ? first + place : rows[place];
    }

    /** As {@link MemoryAction#file}. */
    public String file(int place) {
        return columns.file(row(place));
    }

    /** As {@link MemoryAction#line}. */
    public long line(int place) {
        return columns.line(row(place));
    }

    /** As {@link MemoryAction#time}. */
    public long time(int place) {
        return columns.time(row(place));
    }

    /** The action's epoch day, read without making the action a value (as {@link #get} does). */
    public int date(int place) {
        return columns.date(row(place));
    }

    long userId(int place) {
        return columns.userId(row(place));
    }

    long pageId(int place) {
        return columns.pageId(row(place));
    }

    /** As {@link MemoryAction#keyword}. */
    public String keyword(int place) {
        return columns.keyword(row(place));
    }

    /** As {@link MemoryAction#clickCategory}. */
    public long clickCategory(int place) {
        return columns.clickCategory(row(place));
    }

    /** As {@link MemoryAction#clickProduct}. */
    public long clickProduct(int place) {
        return columns.clickProduct(row(place));
    }

    /** As {@link MemoryAction#orderCategories}. */
    public long[] orderCategories(int place) {
        return columns.orderCategories(row(place));
    }

    /** As {@link MemoryAction#orderProducts}. */
    public long[] orderProducts(int place) {
        return columns.orderProducts(row(place));
    }

    /** As {@link MemoryAction#payCategories}. */
    public long[] payCategories(int place) {
        return columns.payCategories(row(place));
    }

    /** As {@link MemoryAction#payProducts}. */
    public long[] payProducts(int place) {
        return columns.payProducts(row(place));
    }

    long cityId(int place) {
        return columns.cityId(row(place));
    }

    /** As {@link MemoryAction#channel}. */
    public String channel(int place) {
        return columns.channel(row(place));
    }

    /** As {@link MemoryAction#amountMicros}. */
    public long amountMicros(int place) {
        return columns.amountMicros(row(place));
    }

    /** As {@link MemoryAction#isPay}. */
    public boolean isPay(int place) {
        return columns.isPay(row(place));
    }

    boolean isOrder(int place) {
        return columns.isOrder(row(place));
    }

    boolean isClick(int place) {
        return columns.isClick(row(place));
    }
}
