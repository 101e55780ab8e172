package io.shoplens.engine.memory;

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
}
