package io.shoplens.engine.memory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.model.SessionModelBuilder;
import io.shoplens.engine.text.Text;

/**
 * Makes the in-memory session model straight from the log tables, in one pass over the actions
 * in this JVM, giving exactly what {@link MemoryModel#load} reads from Spark's model
 * ({@link SessionModelBuilder}); a test holds the two to each other session by session.
 *
 * <p>Why a second builder: for a model that will be held here, Spark's builder mostly plans and
 * generates code for stages that take a few seconds, and then the model is read back row by row;
 * the in-memory analyses read nothing else. Reading the actions once and grouping them by session
 * here is the whole work: the sample's model in 6 s instead of 16 s on a cold JVM, 1M actions in
 * 10 s instead of 25 s (docs/BENCHMARKS.md). Text casts and comparisons go through Spark's own
 * {@link UTF8String} and {@link Decimal}, so an odd id list or amount becomes what Spark's cast
 * makes of it.
 */
public final class MemoryModelBuilder {

    private static final UTF8String COMMA = UTF8String.fromString(",");
    private static final UTF8String EMPTY = UTF8String.fromString("");
    private static final UTF8String NULL_TEXT = UTF8String.fromString("null");

    /** Actions read from Spark in one piece. */
    static final long PIECE = 250_000;

    /** The columns read from the actions table, in this order. */
    private static final String[] COLUMNS = {"session_id", "action_time", "source_file", "source_line", "date",
            "user_id", "page_id", "search_keyword", "click_category_id", "click_product_id", "order_category_ids",
            "order_product_ids", "pay_category_ids", "pay_product_ids", "city_id", "channel", "pay_amount"};

    private MemoryModelBuilder() {
    }

    /**
     * The model of {@code tables}: every session with its actions in session order, as Spark's
     * builder makes it; empty when an action has no time or date, or a time with a fraction of a
     * second, which the workspace's import never stores (the model holds whole seconds) but a
     * hand-made table may have.
     *
     * @param actions how many actions the tables hold (the workspace's catalog knows): they are
     *                read in pieces of about {@link #PIECE} actions, one Spark job each, so the
     *                driver never holds more than a piece of Spark's rows at a time
     */
    public static Optional<MemoryModel> build(LogTables tables, long actions) {
        MemoryModel.References references = MemoryModel.References.of(tables);
        Map<Long, Double> prices = prices(references.productRows());
        MemoryModel.Strings strings = new MemoryModel.Strings();
        boolean oneFile = tables.actionsFromOneFile();
        BySession read = new BySession((int) Math.min(actions, Integer.MAX_VALUE - 16));
        int pieces = (int) Math.max(1, Math.min(10_000, (actions + PIECE - 1) / PIECE));
        // One job per piece: the import's many small files would otherwise cost a job each.
        Iterator<Row> rows = tables.actions().selectExpr(COLUMNS).coalesce(pieces).toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            if (r.isNullAt(1) || r.isNullAt(4) || ((LocalDateTime) r.get(1)).getNano() != 0) {
                return Optional.empty();
            }
            read.add(r.getString(0), action(r, oneFile, prices, strings));
        }
        return Optional.of(read.model(() -> references, r -> Finishing.AS_READ));
    }

    /**
     * Actions given one by one, in any order, grouped by session as they come. Actions go into
     * columns as they are read, and each session keeps its rows: a session is complete only after
     * the last action, and the columns take 64 B an action where objects would take three times that.
     */
    static final class BySession {
        private final ActionColumns.Builder read;
        private final Map<String, Rows> bySession = new HashMap<>();

        /** @param capacity the actions expected */
        BySession(int capacity) {
            read = new ActionColumns.Builder(capacity);
        }

        /** Adds {@code a} of session {@code sessionId}; returns its row in the order given. */
        int add(String sessionId, MemoryAction a) {
            int row = read.add(a);
            bySession.computeIfAbsent(sessionId, k -> new Rows()).add(row);
            return row;
        }

        int size() {
            return read.rows();
        }

        /**
         * The model of the actions given: each session's actions in session order, as
         * {@code finishing} says. The references are asked for only once the sessions' actions
         * are in order, so that they may be read meanwhile (three Spark jobs, seconds on a cold JVM).
         */
        MemoryModel model(Supplier<MemoryModel.References> references,
                          Function<MemoryModel.References, Finishing> finishing) {
            ActionColumns inReadOrder = read.build();
            Comparator<Integer> sessionOrder = ActionOrder.of(inReadOrder);
            String[] sessionIds = new String[bySession.size()];
            int[] ends = new int[bySession.size()];
            int[] order = new int[inReadOrder.size()];
            int placed = 0;
            int session = 0;
            for (Iterator<Map.Entry<String, Rows>> it = bySession.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Rows> e = it.next();
                for (Integer row : e.getValue().sorted(sessionOrder)) {
                    order[placed++] = row;
                }
                sessionIds[session] = e.getKey();
                ends[session++] = placed;
                it.remove();
            }
            MemoryModel.References refs = references.get();
            Finishing finish = finishing.apply(refs);
            ActionColumns columns = inReadOrder.gather(order, finish.withoutFiles(), finish.amountOf());
            List<Function<ActionColumns, MemorySession>> pending = new ArrayList<>(sessionIds.length);
            for (int i = 0; i < sessionIds.length; i++) {
                int first = i == 0 ? 0 : ends[i - 1];
                int size = ends[i] - first;
                String sessionId = sessionIds[i];
                pending.add(done -> MemoryFilter.sessionOf(refs.users(), refs.cities(), sessionId,
                        ActionRows.run(done, first, size)));
            }
            return MemoryModel.of(pending, columns, refs);
        }
    }

    /**
     * What the actions read become in the model.
     *
     * @param withoutFiles every action without its file (all come from one, which the model leaves out)
     * @param amountOf     the amount of an action read without one, by its row in the order read:
     *                     a pay priced once the products are known; {@code NONE} for none
     */
    record Finishing(boolean withoutFiles, IntToLongFunction amountOf) {

        /** Each action as it was read. */
        static final Finishing AS_READ = new Finishing(false, row -> MemoryAction.NONE);
    }

    /** A session's rows in the columns as read. */
    private static final class Rows {
        private int[] rows = new int[4];
        private int size;

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        /** The rows in session order: Spark's order of the model's action structs. */
        Integer[] sorted(Comparator<Integer> order) {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = rows[i];
            }
            Arrays.sort(boxed, order);
            return boxed;
        }
    }

    private static MemoryAction action(Row r, boolean oneFile, Map<Long, Double> prices,
                                       MemoryModel.Strings strings) {
        return action((LocalDateTime) r.get(1), oneFile ? null : r.getString(2), (Long) r.get(3), r.get(4),
                (Long) r.get(5), (Long) r.get(6), r.getString(7), (Long) r.get(8), (Long) r.get(9), r.getString(10),
                r.getString(11), r.getString(12), r.getString(13), (Long) r.get(14), r.getString(15),
                (Double) r.get(16), prices, strings);
    }

    /**
     * An action from the values of its stored columns, as Spark or the import gives them.
     *
     * @param prices the products' prices for a pay without pay_amount; null leaves its amount
     *               {@code NONE}, to be priced once the products are known ({@link #pricedAmount})
     */
    static MemoryAction action(LocalDateTime time, String file, Long line, Object date, Long userId, Long pageId,
                               String keyword, Long clickCategory, Long clickProduct, String orderCategories,
                               String orderProducts, String payCategories, String payProducts, Long cityId,
                               String channel, Double payAmount, Map<Long, Double> prices,
                               MemoryModel.Strings strings) {
        boolean pay = isSetList(payCategories) || isSetList(payProducts);
        long amount = MemoryAction.NONE;
        if (pay) {
            amount = payAmount != null ? money(payAmount) : prices == null ? MemoryAction.NONE
                    : pricedAmount(payProducts, prices);
        }
        return new MemoryAction(MemoryModel.seconds(time), strings.of(file), id(line), day(date), id(userId),
                id(pageId), strings.of(keyword), id(clickCategory), id(clickProduct), ids(orderCategories),
                ids(orderProducts), ids(payCategories), ids(payProducts), id(cityId), strings.of(channel), payAmount,
                amount);
    }

    /** Whether the action of these lists and pay_amount is a pay whose amount comes from its products' prices. */
    static boolean pricedLater(String payCategories, String payProducts, Double payAmount) {
        return payAmount == null && (isSetList(payCategories) || isSetList(payProducts));
    }

    /**
     * A pay without pay_amount: the sum of its products' prices when every listed product has
     * one, else {@code NONE}: a partial sum would pass for a real one.
     */
    static long pricedAmount(String payProducts, Map<Long, Double> prices) {
        if (payProducts == null) {
            return MemoryAction.NONE;
        }
        int items = 0;
        int priced = 0;
        BigDecimal sum = null;
        for (UTF8String piece : UTF8String.fromString(payProducts).split(COMMA, -1)) {
            UTF8String item = piece.trim();
            if (item.equals(EMPTY)) {
                continue;
            }
            items++;
            long id = toLong(item);
            Double price = id == MemoryAction.NONE ? null : prices.get(id);
            if (price == null) {
                continue;
            }
            priced++;
            long micros = money(price);
            // A price the money cast makes null (NaN, infinite) counts as priced but adds nothing, as in Spark's sum.
            if (micros != MemoryAction.NONE) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(BigDecimal.valueOf(micros));
            }
        }
        return items > 0 && priced == items && sum != null ? sum.longValueExact() : MemoryAction.NONE;
    }

    /** {@code value} cast to the model's money type, in millionths; {@code NONE} where the cast gives null. */
    private static long money(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return MemoryAction.NONE;
        }
        Decimal d = Decimal.apply(value);
        if (!d.changePrecision(38, MemoryModel.MONEY_SCALE)) {
            return MemoryAction.NONE;
        }
        return MemoryModel.micros(d.toJavaBigDecimal());
    }

    /** Each product's price from its smallest (product_name, price) row, as the model's pricing join picks it. */
    static Map<Long, Double> prices(List<Row> productRows) {
        record Named(String name, Double price) {
        }
        Comparator<Named> smallest = Comparator.comparing(Named::name, Text.NULLS_FIRST)
                .thenComparing(Named::price, Comparator.nullsFirst(ActionOrder::compareDoubles));
        Map<Long, Named> picked = new HashMap<>();
        for (Row r : productRows) {
            if (!r.isNullAt(0)) {
                picked.merge(r.getLong(0), new Named(r.getString(1), r.isNullAt(4) ? null : r.getDouble(4)),
                        (a, b) -> smallest.compare(a, b) <= 0 ? a : b);
            }
        }
        Map<Long, Double> prices = new HashMap<>();
        picked.forEach((id, n) -> {
            if (n.price() != null) {
                prices.put(id, n.price());
            }
        });
        return prices;
    }

    /** An id list is set when it is not null, empty or {@code null} (docs/ANALYSES.md, conventions). */
    private static boolean isSetList(String list) {
        if (list == null) {
            return false;
        }
        UTF8String trimmed = UTF8String.fromString(list).trim();
        return !trimmed.equals(EMPTY) && !trimmed.toLowerCase().equals(NULL_TEXT);
    }

    /** A set id list's ids in listed order, {@code NONE} for an id that is not a number; null when unset. */
    private static long[] ids(String list) {
        if (!isSetList(list)) {
            return null;
        }
        UTF8String[] pieces = UTF8String.fromString(list).split(COMMA, -1);
        long[] ids = new long[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            ids[i] = toLong(pieces[i]);
        }
        return ids;
    }

    /** Spark's text-to-bigint cast: null ({@code NONE}) for what is not a whole number in range. */
    private static long toLong(UTF8String text) {
        UTF8String.LongWrapper result = new UTF8String.LongWrapper();
        return text.toLong(result) ? result.value : MemoryAction.NONE;
    }

    private static int day(Object date) {
        return (int) (date instanceof LocalDate d ? d : ((java.sql.Date) date).toLocalDate()).toEpochDay();
    }

    private static long id(Long id) {
        return id == null ? MemoryAction.NONE : id;
    }
}
