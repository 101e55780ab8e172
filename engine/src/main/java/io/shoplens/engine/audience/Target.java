package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.model.SessionColumns;

/**
 * What the sweet apples hit ({@code --target}): any pay, a pay holding a category, or a pay holding
 * a product; and the tags that hitting it makes, which tag_lift leaves out because they would
 * only say that buyers buy.
 *
 * @param item       the category or product; empty for any pay
 * @param categories the categories whose {@code bought:} tag the target makes: the category
 *                   itself, or the product's categories; empty for any pay
 */
record Target(Optional<Item> item, List<Long> categories) {

    static final String PAY = "pay";

    Target {
        categories = List.copyOf(categories);
    }

    /**
     * The target of {@code item}. A product's category is not in product_info: it is every
     * category the product shows up with in the filtered sessions, as a click's category or as the
     * categories of an order or pay that lists this product alone.
     */
    static Target of(Optional<Item> item, Dataset<Row> sessions) {
        if (item.isEmpty()) {
            return new Target(item, List.of());
        }
        if (item.get().level() == Item.Level.CATEGORY) {
            return new Target(item, List.of(item.get().id()));
        }
        return new Target(item, categoriesOf(item.get().id(), sessions));
    }

    /** The target's name in tables and reports: {@code pay}, {@code category:ID} or {@code product:ID}. */
    String label() {
        return item.map(Item::toString).orElse(PAY);
    }

    /** Whether a {@link PeriodActions} row hits the target. */
    Column hitBy() {
        if (item.isEmpty()) {
            return col(PeriodActions.PAY);
        }
        String list = item.get().level() == Item.Level.CATEGORY ? PeriodActions.PAY_CATEGORIES
                : PeriodActions.PAY_PRODUCTS;
        return col(PeriodActions.PAY).and(array_contains(col(list), item.get().id()));
    }

    /**
     * Whether the target made {@code tag}: for any pay, every tag drawn from pay actions
     * ({@code bought:*}, {@code price:*}, {@code suspect}); for a category or product, the
     * {@code bought:} tag of its categories.
     */
    Column leavesOut(Column tag) {
        if (item.isEmpty()) {
            return tag.startsWith("bought:").or(tag.startsWith("price:")).or(tag.equalTo(UserTags.SUSPECT));
        }
        if (categories.isEmpty()) {
            return lit(false);
        }
        return tag.isin(categories.stream().map(c -> "bought:" + c).toArray());
    }

    private static List<Long> categoriesOf(long product, Dataset<Row> sessions) {
        Dataset<Row> actions = sessions.select(explode(col(SessionColumns.ACTIONS)).as("a"));
        Column clicked = col("a." + SessionColumns.CLICK_PRODUCT).equalTo(product);
        Dataset<Row> fromClicks = actions.filter(clicked)
                .select(col("a." + SessionColumns.CLICK_CATEGORY).as("category"));
        Dataset<Row> fromOrders = alone(actions, product, SessionColumns.ORDER_PRODUCTS, SessionColumns.ORDER_CATEGORIES);
        Dataset<Row> fromPays = alone(actions, product, SessionColumns.PAY_PRODUCTS, SessionColumns.PAY_CATEGORIES);
        return fromClicks.union(fromOrders).union(fromPays)
                .filter(col("category").isNotNull().and(col("category").notEqual(-1L)))
                .distinct().orderBy("category").collectAsList().stream().map(r -> r.getLong(0)).toList();
    }

    /** The categories of the actions whose product list is {@code product} and nothing else. */
    private static Dataset<Row> alone(Dataset<Row> actions, long product, String products, String categories) {
        Column ids = PeriodActions.ids(col("a." + products));
        return actions.filter(size(ids).equalTo(1).and(array_contains(ids, product)))
                .select(explode(col("a." + categories)).as("category"));
    }
}
