package io.shoplens.engine.memory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.logs.LogKind;

/**
 * The in-memory session model made from actions as the import accepts them, before they are
 * read back from the workspace: what {@link MemoryModelBuilder#build} makes from the stored
 * table, without Spark reading it (which was most of a cold {@code analyze}: 15 of 46 s at 4M
 * actions). The import's typed values are those it writes to Parquet and Spark reads back, so an
 * action here is the one Spark would give; a test holds the two models to each other.
 *
 * <p>What depends on the other tables (a pay's amount from its products' prices, whether every
 * action comes from one file) is settled in {@link #model}, once they are all imported.
 */
public final class ImportedActions {

    private static final int DATE = field("date");
    private static final int USER = field("user_id");
    private static final int SESSION = field("session_id");
    private static final int PAGE = field("page_id");
    private static final int TIME = field("action_time");
    private static final int KEYWORD = field("search_keyword");
    private static final int CLICK_CATEGORY = field("click_category_id");
    private static final int CLICK_PRODUCT = field("click_product_id");
    private static final int ORDER_CATEGORIES = field("order_category_ids");
    private static final int ORDER_PRODUCTS = field("order_product_ids");
    private static final int PAY_CATEGORIES = field("pay_category_ids");
    private static final int PAY_PRODUCTS = field("pay_product_ids");
    private static final int CITY = field("city_id");
    private static final int CHANNEL = field("channel");
    private static final int PAY_AMOUNT = field("pay_amount");
    private static final int FILE = field("source_file");
    private static final int LINE = field("source_line");

    private final MemoryModelBuilder.BySession read;
    private final MemoryModel.Strings strings = new MemoryModel.Strings();
    /** The pay products of each pay without pay_amount, by row: priced once the products are known. */
    private final Map<Integer, String> unpriced = new HashMap<>();
    private final BitSet unpricedRows = new BitSet();
    private boolean unheld;

    /** @param capacity the actions expected */
    public ImportedActions(int capacity) {
        read = new MemoryModelBuilder.BySession(capacity);
    }

    /** An accepted action, in {@link LogKind#storedSchema()} order. */
    public void add(Object[] stored) {
        LocalDateTime time = (LocalDateTime) stored[TIME];
        if (time == null || stored[DATE] == null || time.getNano() != 0) {
            // The model holds whole seconds; MemoryModelBuilder leaves such tables to Spark too.
            unheld = true;
            return;
        }
        String payCategories = (String) stored[PAY_CATEGORIES];
        String payProducts = (String) stored[PAY_PRODUCTS];
        Double payAmount = (Double) stored[PAY_AMOUNT];
        int row = read.add((String) stored[SESSION], MemoryModelBuilder.action(time, (String) stored[FILE],
                (Long) stored[LINE], (LocalDate) stored[DATE], (Long) stored[USER], (Long) stored[PAGE],
                (String) stored[KEYWORD], (Long) stored[CLICK_CATEGORY], (Long) stored[CLICK_PRODUCT],
                (String) stored[ORDER_CATEGORIES], (String) stored[ORDER_PRODUCTS], payCategories, payProducts,
                (Long) stored[CITY], (String) stored[CHANNEL], payAmount, null, strings));
        if (MemoryModelBuilder.pricedLater(payCategories, payProducts, payAmount)) {
            unpriced.put(row, payProducts);
            unpricedRows.set(row);
        }
    }

    /** The actions added so far. */
    public int size() {
        return read.size();
    }

    /**
     * The model of these actions, given {@code tables}: the tables the actions were imported into
     * (for users, cities and products), whose actions table must hold exactly these actions; empty
     * when the model holds no such actions (a time with a fraction of a second), as
     * {@link MemoryModelBuilder#build} gives it.
     */
    public Optional<MemoryModel> model(LogTables tables) {
        // Spark reads the users, cities and products while the actions are put in session order.
        CompletableFuture<MemoryModel.References> references = CompletableFuture.supplyAsync(
                () -> MemoryModel.References.of(tables), ImportedActions::onItsOwnThread);
        return model(() -> {
            try {
                return references.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }, tables.actionsFromOneFile());
    }

    /**
     * As {@link #model(LogTables)}, with the reference tables' rows as kept by the import (in the
     * column orders of {@link MemoryModel.References#of(List, List, List)}) and whether every
     * action comes from one file.
     */
    public Optional<MemoryModel> model(List<Row> users, List<Row> cities, List<Row> products, boolean oneFile) {
        return model(() -> MemoryModel.References.of(users, cities, products), oneFile);
    }

    private Optional<MemoryModel> model(Supplier<MemoryModel.References> references, boolean oneFile) {
        if (unheld) {
            return Optional.empty();
        }
        return Optional.of(read.model(references, refs -> {
            Map<Long, Double> prices = MemoryModelBuilder.prices(refs.productRows());
            return new MemoryModelBuilder.Finishing(oneFile, row -> {
                return unpricedRows.get(row) ? MemoryModelBuilder.pricedAmount(unpriced.get(row), prices)
                        : MemoryAction.NONE;
            });
        }));
    }

    private static void onItsOwnThread(Runnable task) {
        Thread t = new Thread(task, "shoplens-model-references");
        t.setDaemon(true);
        t.start();
    }

    private static int field(String name) {
        return LogKind.USER_VISIT_ACTION.storedSchema().fieldIndex(name);
    }
}
