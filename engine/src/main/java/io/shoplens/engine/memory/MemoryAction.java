package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * One action of the in-memory session model as a value, as {@code SessionColumns} describes the
 * model's action structs: what the loader reads and {@link ActionRows#get} gives back. The model
 * keeps no such objects: it holds its actions in {@link ActionColumns}. Ids are {@code long} with
 * {@link #NONE} for an unset id, times whole seconds since the epoch of local wall-clock time,
 * dates epoch days.
 *
 * @param orderCategories the listed ids in listed order, null when the list is unset; likewise the
 *                        other three lists
 * @param amountMicros    a pay's GMV in millionths, {@link #NONE} when unknown or not a pay
 */
public record MemoryAction(long time, String file, long line, int date, long userId, long pageId, String keyword,
                           long clickCategory, long clickProduct, long[] orderCategories, long[] orderProducts,
                           long[] payCategories, long[] payProducts, long cityId, String channel, Double payAmount,
                           long amountMicros) {

    /** An unset id or amount. Ids are positive in practice; the platform's unset id is -1. */
    public static final long NONE = Long.MIN_VALUE;

    /** A pay action: its pay category or product list is set. */
    public boolean isPay() {
        return payCategories != null || payProducts != null;
    }

    /** An order action: its order category or product list is set. */
    public boolean isOrder() {
        return orderCategories != null || orderProducts != null;
    }

    /** A search: its keyword is set (not blank). */
    public boolean isSearch() {
        return keyword != null && !keyword.isBlank();
    }

    /** A click: its click category or product is set. */
    public boolean isClick() {
        return isSet(clickCategory) || isSet(clickProduct);
    }

    /** An id is set when present and not the platform's -1. */
    public static boolean isSet(long id) {
        return id != NONE && id != -1L;
    }

    /**
     * The set ids of a list, each once, in listed order; null for an unset list. A loop, not a
     * stream: called for every pay of every request, a stream's set-up cost more than its work.
     */
    public static long[] distinctSetIds(long[] list) {
        if (list == null) {
            return null;
        }
        long[] out = new long[list.length];
        int n = 0;
        for (long id : list) {
            if (isSet(id) && indexOf(out, n, id) < 0) {
                out[n++] = id;
            }
        }
        return n == list.length ? out : Arrays.copyOf(out, n);
    }

    /** Where {@code id} is among the first {@code n} values of {@code ids}, or -1. */
    static int indexOf(long[] ids, int n, long id) {
        for (int i = 0; i < n; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
