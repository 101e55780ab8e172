package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import static io.shoplens.engine.audience.PeriodActions.CHANNEL;
import static io.shoplens.engine.audience.PeriodActions.CLICK_CATEGORY;
import static io.shoplens.engine.audience.PeriodActions.CLICK_PRODUCT;
import static io.shoplens.engine.audience.PeriodActions.FILE;
import static io.shoplens.engine.audience.PeriodActions.IN_BASE;
import static io.shoplens.engine.audience.PeriodActions.KEYWORD;
import static io.shoplens.engine.audience.PeriodActions.LINE;
import static io.shoplens.engine.audience.PeriodActions.PAY_CATEGORIES;
import static io.shoplens.engine.audience.PeriodActions.PAY_PRODUCTS;
import static io.shoplens.engine.audience.PeriodActions.TIME;
import static io.shoplens.engine.audience.PeriodActions.USER_ID;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModelBuilder;

/**
 * Every user active in the base period tagged by who they are and what they did there
 * (docs/ANALYSES.md, audience, user_tags): one row per user and tag, columns {@code user_id, tag}.
 * A tag needs a value: a user without an age, or a product click without a known status, adds
 * no tag for it.
 */
final class UserTags {

    static final String TAG = "tag";
    static final String SUSPECT = "suspect";

    /** The lowest and the highest third of the paid items' prices end at these quantiles. */
    private static final double LOW_THIRD = 1.0 / 3;
    private static final double HIGH_THIRD = 2.0 / 3;

    private UserTags() {
    }

    /**
     * @param actions    {@link PeriodActions}
     * @param sessions   the filtered sessions (for the users' attributes)
     * @param products   product_info in the workspace form
     * @param suspects   the ids of suspect users (column {@code user_id}), found by the suspect rules
     * @param likeClicks clicks on a category that make a {@code likes:} tag
     */
    static Dataset<Row> of(Dataset<Row> actions, Dataset<Row> sessions, Dataset<Row> products, Dataset<Row> suspects,
                           int likeClicks) {
        Dataset<Row> base = actions.filter(col(IN_BASE));
        Dataset<Row> users = base.select(USER_ID).distinct();
        Dataset<Row> catalogue = oneRowPerProduct(products);
        return attributes(sessions, users)
                .union(channels(base))
                .union(likes(base, likeClicks))
                .union(bought(base))
                .union(searched(base))
                .union(prefers(base, catalogue))
                .union(prices(base, catalogue))
                .union(suspects(suspects, users))
                .distinct();
    }

    /** {@code age_group:}, {@code sex:}, {@code professional:}, {@code city:} from user_info. */
    static Dataset<Row> attributes(Dataset<Row> sessions, Dataset<Row> users) {
        Dataset<Row> attributes = sessions.select(col(SessionColumns.USER_ID).as(USER_ID), col(SessionColumns.AGE),
                        col(SessionColumns.SEX), col(SessionColumns.PROFESSIONAL), col(SessionColumns.USER_CITY))
                .join(users, USER_ID, "left_semi")
                // Every session of a user carries the same user_info row; min makes "the one" explicit.
                .groupBy(USER_ID)
                .agg(min(struct(SessionColumns.AGE, SessionColumns.SEX, SessionColumns.PROFESSIONAL,
                        SessionColumns.USER_CITY)).as("u"));
        Column age = col("u." + SessionColumns.AGE);
        return tagRows(attributes, array(
                tag("age_group", when(age.isNotNull(), GmvAnalysis.ageGroup(age))),
                tag("sex", col("u." + SessionColumns.SEX)),
                tag("professional", col("u." + SessionColumns.PROFESSIONAL)),
                tag("city", col("u." + SessionColumns.USER_CITY))));
    }

    /** {@code channel:}: the channel of the user's first action in the base period, in session order. */
    static Dataset<Row> channels(Dataset<Row> base) {
        return base.groupBy(USER_ID)
                .agg(min(struct(col(TIME), col(FILE), col(LINE), col(CHANNEL))).getField(CHANNEL).as("first"))
                .select(col(USER_ID), tag("channel", col("first")).as(TAG))
                .filter(col(TAG).isNotNull());
    }

    /** {@code likes:CAT}: at least {@code likeClicks} clicks on the category. */
    static Dataset<Row> likes(Dataset<Row> base, int likeClicks) {
        return base.filter(col(CLICK_CATEGORY).isNotNull())
                .groupBy(USER_ID, CLICK_CATEGORY).agg(count(lit(1)).as("clicks"))
                .filter(col("clicks").geq(likeClicks))
                .select(col(USER_ID), tag("likes", col(CLICK_CATEGORY)).as(TAG));
    }

    /** {@code bought:CAT}: a pay holding the category. */
    static Dataset<Row> bought(Dataset<Row> base) {
        return base.select(col(USER_ID), explode(col(PAY_CATEGORIES)).as("category"))
                .select(col(USER_ID), tag("bought", col("category")).as(TAG));
    }

    /** {@code searched:KW}: the keyword as written. */
    static Dataset<Row> searched(Dataset<Row> base) {
        return base.filter(col(KEYWORD).isNotNull())
                .select(col(USER_ID), tag("searched", col(KEYWORD)).as(TAG));
    }

    /**
     * {@code prefers:self} or {@code prefers:third_party}: at least 2/3 of the user's product
     * clicks (clicks on a product of unknown status count in the whole, for neither side).
     * Compared in whole numbers, 3 × side ≥ 2 × clicks, so 2 of 3 is exactly enough.
     */
    static Dataset<Row> prefers(Dataset<Row> base, Dataset<Row> catalogue) {
        Dataset<Row> clicks = base.filter(col(CLICK_PRODUCT).isNotNull()).select(USER_ID, CLICK_PRODUCT);
        Dataset<Row> counted = clicks
                .join(broadcast(catalogue), clicks.col(CLICK_PRODUCT).equalTo(catalogue.col("product_id")), "left")
                .groupBy(USER_ID)
                .agg(count(lit(1)).as("clicks"),
                        count(when(col("product_status").equalTo(0), 1)).as("self"),
                        count(when(col("product_status").equalTo(1), 1)).as("third_party"));
        Column twoThirds = col("clicks").multiply(2);
        return counted.select(col(USER_ID),
                        when(col("self").multiply(3).geq(twoThirds), lit("prefers:self"))
                                .when(col("third_party").multiply(3).geq(twoThirds), lit("prefers:third_party"))
                                .as(TAG))
                .filter(col(TAG).isNotNull());
    }

    /**
     * {@code price:low} / {@code price:high}: the mean price of the user's paid items is at most the
     * 1/3 quantile / at least the 2/3 quantile of the prices of all paid items of the base period
     * (Spark's exact {@code percentile}: linear between the closest ranks, as numpy and pandas do by
     * default). Items are a pay's distinct products; an item without a price is left out of both
     * sides. The user's mean is their exact decimal sum over their item count, so it does not
     * depend on the order Spark adds the prices in.
     */
    static Dataset<Row> prices(Dataset<Row> base, Dataset<Row> catalogue) {
        Dataset<Row> items = base.select(col(USER_ID), explode(col(PAY_PRODUCTS)).as("item"));
        Dataset<Row> priced = items
                .join(broadcast(catalogue.filter(col("price").isNotNull())),
                        items.col("item").equalTo(catalogue.col("product_id")))
                .select(col(USER_ID), col("price"));
        Dataset<Row> thirds = priced.agg(percentile(col("price"), lit(LOW_THIRD)).as("low"),
                percentile(col("price"), lit(HIGH_THIRD)).as("high"));
        Dataset<Row> means = priced.groupBy(USER_ID)
                .agg(sum(col("price").cast(SessionModelBuilder.MONEY)).cast(DataTypes.DoubleType)
                        .divide(count(lit(1))).as("mean"));
        return tagRows(means.crossJoin(thirds), array(
                when(col("mean").leq(col("low")), lit("price:low")),
                when(col("mean").geq(col("high")), lit("price:high"))));
    }

    /** {@code suspect}: the user is one of the suspects. */
    static Dataset<Row> suspects(Dataset<Row> suspects, Dataset<Row> users) {
        return suspects.select(col("user_id").cast(DataTypes.LongType).as(USER_ID))
                .join(users, USER_ID, "left_semi")
                .select(col(USER_ID), lit(SUSPECT).as(TAG));
    }

    /**
     * One row per product id: a duplicated id keeps its smallest row, by the remaining columns in
     * order (docs/ANALYSES.md, inputs).
     */
    static Dataset<Row> oneRowPerProduct(Dataset<Row> products) {
        return products.groupBy(col("product_id"))
                .agg(min(struct(col("product_name"), col("extend_info"), col("product_status"), col("price")))
                        .as("p"))
                .select(col("product_id"), col("p.product_status").as("product_status"), col("p.price").as("price"));
    }

    /** {@code name:value}; null when the value is missing or blank. */
    private static Column tag(String name, Column value) {
        Column text = value.cast(DataTypes.StringType);
        return when(text.isNotNull().and(trim(text).notEqual("")), concat(lit(name + ":"), text));
    }

    /** A row per non-null tag of {@code tags} (an array column over {@code rows}). */
    private static Dataset<Row> tagRows(Dataset<Row> rows, Column tags) {
        return rows.select(col(USER_ID), explode(tags).as(TAG)).filter(col(TAG).isNotNull());
    }
}
