package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * Every action of an in-memory model, one column per field of {@link MemoryAction} and one row
 * per action, a session's actions on consecutive rows in session order. Held this way, not as one
 * object per action, ten million actions take a few hundred megabytes, not several gigabytes
 * (docs/BENCHMARKS.md, "The session model held in the JVM, compact"): ids and dates are narrowed
 * ({@link LongColumn}), texts and id lists numbered ({@link DictionaryColumn}), a pay's amounts
 * kept only on pays ({@link SparseLongColumn}). Each field reads back exactly as loaded; the
 * analyses read them through {@link ActionRows}. Immutable once built.
 */
final class ActionColumns {

    private final LongColumn time;
    private final DictionaryColumn<String> file;
    private final LongColumn line;
    private final LongColumn date;
    private final LongColumn userId;
    private final LongColumn pageId;
    private final DictionaryColumn<String> keyword;
    private final LongColumn clickCategory;
    private final LongColumn clickProduct;
    private final DictionaryColumn<long[]> orderCategories;
    private final DictionaryColumn<long[]> orderProducts;
    private final DictionaryColumn<long[]> payCategories;
    private final DictionaryColumn<long[]> payProducts;
    private final LongColumn cityId;
    private final DictionaryColumn<String> channel;
    /** A pay amount's bits, so -0.0 and NaN read back as loaded; rows without one have none. */
    private final SparseLongColumn payAmountBits;
    private final SparseLongColumn amountMicros;

    private ActionColumns(LongColumn time, DictionaryColumn<String> file, LongColumn line, LongColumn date,
                          LongColumn userId, LongColumn pageId, DictionaryColumn<String> keyword,
                          LongColumn clickCategory, LongColumn clickProduct, DictionaryColumn<long[]> orderCategories,
                          DictionaryColumn<long[]> orderProducts, DictionaryColumn<long[]> payCategories,
                          DictionaryColumn<long[]> payProducts, LongColumn cityId, DictionaryColumn<String> channel,
                          SparseLongColumn payAmountBits, SparseLongColumn amountMicros) {
        this.time = time;
        this.file = file;
        this.line = line;
        this.date = date;
        this.userId = userId;
        this.pageId = pageId;
        this.keyword = keyword;
        this.clickCategory = clickCategory;
        this.clickProduct = clickProduct;
        this.orderCategories = orderCategories;
        this.orderProducts = orderProducts;
        this.payCategories = payCategories;
        this.payProducts = payProducts;
        this.cityId = cityId;
        this.channel = channel;
        this.payAmountBits = payAmountBits;
        this.amountMicros = amountMicros;
    }

    private ActionColumns(Builder b) {
        time = b.time.build();
        file = b.file.build();
        line = b.line.build();
        date = b.date.build();
        userId = b.userId.build();
        pageId = b.pageId.build();
        keyword = b.keyword.build();
        clickCategory = b.clickCategory.build();
        clickProduct = b.clickProduct.build();
        orderCategories = b.orderCategories.build();
        orderProducts = b.orderProducts.build();
        payCategories = b.payCategories.build();
        payProducts = b.payProducts.build();
        cityId = b.cityId.build();
        channel = b.channel.build();
        payAmountBits = b.payAmountBits.build();
        amountMicros = b.amountMicros.build();
    }

    int size() {
        return time.size();
    }

    /**
     * The actions at {@code rows}, in that order: each column copied as it is held, not action by
     * action (which looked every text and id list up again, a second per million actions).
     *
     * @param withoutFiles every action without its file
     * @param amountOf     the amount of an action that has none here, {@link MemoryAction#NONE} for none
     */
    ActionColumns gather(int[] rows, boolean withoutFiles, java.util.function.IntToLongFunction amountOf) {
        return new ActionColumns(time.gather(rows),
                withoutFiles ? DictionaryColumn.nulls(rows.length) : file.gather(rows), line.gather(rows),
                date.gather(rows), userId.gather(rows), pageId.gather(rows), keyword.gather(rows),
                clickCategory.gather(rows), clickProduct.gather(rows), orderCategories.gather(rows),
                orderProducts.gather(rows), payCategories.gather(rows), payProducts.gather(rows), cityId.gather(rows),
                channel.gather(rows), payAmountBits.gather(rows, r -> MemoryAction.NONE),
                amountMicros.gather(rows, amountOf));
    }

    long time(int row) {
        return time.get(row);
    }

    String file(int row) {
        return file.get(row);
    }

    long line(int row) {
        return line.get(row);
    }

    int date(int row) {
        return (int) date.get(row);
    }

    long userId(int row) {
        return userId.get(row);
    }

    long pageId(int row) {
        return pageId.get(row);
    }

    String keyword(int row) {
        return keyword.get(row);
    }

    long clickCategory(int row) {
        return clickCategory.get(row);
    }

    long clickProduct(int row) {
        return clickProduct.get(row);
    }

    /** The listed ids, null when the list is unset; shared between rows, so never to be changed. */
    long[] orderCategories(int row) {
        return orderCategories.get(row);
    }

    long[] orderProducts(int row) {
        return orderProducts.get(row);
    }

    long[] payCategories(int row) {
        return payCategories.get(row);
    }

    long[] payProducts(int row) {
        return payProducts.get(row);
    }

    long cityId(int row) {
        return cityId.get(row);
    }

    String channel(int row) {
        return channel.get(row);
    }

    Double payAmount(int row) {
        return payAmountBits.has(row) ? Double.longBitsToDouble(payAmountBits.get(row, 0L)) : null;
    }

    long amountMicros(int row) {
        return amountMicros.get(row, MemoryAction.NONE);
    }

    /** As {@link MemoryAction#isPay}. */
    boolean isPay(int row) {
        return !payCategories.isNull(row) || !payProducts.isNull(row);
    }

    /** As {@link MemoryAction#isOrder}. */
    boolean isOrder(int row) {
        return !orderCategories.isNull(row) || !orderProducts.isNull(row);
    }

    /** As {@link MemoryAction#isClick}. */
    boolean isClick(int row) {
        return MemoryAction.isSet(clickCategory(row)) || MemoryAction.isSet(clickProduct(row));
    }

    /** The row as one value (its lists shared with the columns). */
    MemoryAction action(int row) {
        return new MemoryAction(time(row), file(row), line(row), date(row), userId(row), pageId(row), keyword(row),
                clickCategory(row), clickProduct(row), orderCategories(row), orderProducts(row), payCategories(row),
                payProducts(row), cityId(row), channel(row), payAmount(row), amountMicros(row));
    }

    /** Bytes a row takes in the columns, the sparse amounts aside; for the measurements in docs/BENCHMARKS.md. */
    int rowWidth() {
        return time.width() + file.width() + line.width() + date.width() + userId.width() + pageId.width()
                + keyword.width() + clickCategory.width() + clickProduct.width() + orderCategories.width()
                + orderProducts.width() + payCategories.width() + payProducts.width() + cityId.width()
                + channel.width();
    }

    /** Appends actions one after another; each gets the next row. */
    static final class Builder {
        private final LongColumn.Builder time;
        private final DictionaryColumn.Builder<String, String> file;
        private final LongColumn.Builder line;
        private final LongColumn.Builder date;
        private final LongColumn.Builder userId;
        private final LongColumn.Builder pageId;
        private final DictionaryColumn.Builder<String, String> keyword;
        private final LongColumn.Builder clickCategory;
        private final LongColumn.Builder clickProduct;
        private final DictionaryColumn.Builder<IdList, long[]> orderCategories;
        private final DictionaryColumn.Builder<IdList, long[]> orderProducts;
        private final DictionaryColumn.Builder<IdList, long[]> payCategories;
        private final DictionaryColumn.Builder<IdList, long[]> payProducts;
        private final LongColumn.Builder cityId;
        private final DictionaryColumn.Builder<String, String> channel;
        private final SparseLongColumn.Builder payAmountBits = new SparseLongColumn.Builder();
        private final SparseLongColumn.Builder amountMicros = new SparseLongColumn.Builder();
        private int rows;

        Builder() {
            this(16);
        }

        /** @param capacity the actions expected, so that no column grows while they are added */
        Builder(int capacity) {
            time = new LongColumn.Builder(capacity);
            file = DictionaryColumn.Builder.ofValues(capacity);
            line = new LongColumn.Builder(capacity);
            date = new LongColumn.Builder(capacity);
            userId = new LongColumn.Builder(capacity);
            pageId = new LongColumn.Builder(capacity);
            keyword = DictionaryColumn.Builder.ofValues(capacity);
            clickCategory = new LongColumn.Builder(capacity);
            clickProduct = new LongColumn.Builder(capacity);
            orderCategories = idLists(capacity);
            orderProducts = idLists(capacity);
            payCategories = idLists(capacity);
            payProducts = idLists(capacity);
            cityId = new LongColumn.Builder(capacity);
            channel = DictionaryColumn.Builder.ofValues(capacity);
        }

        /** Appends {@code a}; returns its row. */
        int add(MemoryAction a) {
            int row = rows++;
            time.add(a.time());
            file.add(a.file());
            line.add(a.line());
            date.add(a.date());
            userId.add(a.userId());
            pageId.add(a.pageId());
            keyword.add(a.keyword());
            clickCategory.add(a.clickCategory());
            clickProduct.add(a.clickProduct());
            orderCategories.add(a.orderCategories());
            orderProducts.add(a.orderProducts());
            payCategories.add(a.payCategories());
            payProducts.add(a.payProducts());
            cityId.add(a.cityId());
            channel.add(a.channel());
            if (a.payAmount() != null) {
                payAmountBits.set(row, Double.doubleToRawLongBits(a.payAmount()));
            }
            if (a.amountMicros() != MemoryAction.NONE) {
                amountMicros.set(row, a.amountMicros());
            }
            return row;
        }

        /** Rows appended so far. */
        int rows() {
            return rows;
        }

        ActionColumns build() {
            return new ActionColumns(this);
        }

        private static DictionaryColumn.Builder<IdList, long[]> idLists(int capacity) {
            return new DictionaryColumn.Builder<>(IdList::new, capacity);
        }
    }

    /** An id list as a key: two lists with the same ids in the same order are one. */
    private record IdList(long[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdList other && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }

        @Override
        public String toString() {
            return Arrays.toString(ids);
        }
    }
}
