package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.model.SessionColumns;

/**
 * The users' actions that the audience analysis reads: every action of the filtered sessions
 * dated in the base or the current period, one row each, with its user and what it did. An
 * action belongs to its session's user (the model's user of a session), and to a period by its
 * own date, so a session that runs past midnight into a period counts there with the actions it
 * has there.
 *
 * <p>Values are read as the contract's conventions say: a click category or product, and a
 * keyword, only when set; a pay's id lists as their distinct ids without {@code -1}, so a pay
 * counts once per id it holds.
 */
final class PeriodActions {

    static final String USER_ID = "user_id";
    static final String DATE = "date";
    static final String TIME = "time";
    static final String FILE = "file";
    static final String LINE = "line";
    static final String CHANNEL = "channel";
    static final String KEYWORD = "keyword";
    static final String CLICK_CATEGORY = "click_category";
    static final String CLICK_PRODUCT = "click_product";
    static final String PAY = "pay";
    static final String PAY_CATEGORIES = "pay_categories";
    static final String PAY_PRODUCTS = "pay_products";
    static final String IN_BASE = "in_base";
    static final String IN_CURRENT = "in_current";

    private PeriodActions() {
    }

    /** The actions of {@code sessions} (session model columns) in either period; periods may overlap. */
    static Dataset<Row> of(Dataset<Row> sessions, AudiencePeriods periods) {
        Dataset<Row> actions = sessions.select(col(SessionColumns.USER_ID), explode(col(SessionColumns.ACTIONS)).as("a"));
        Column date = action(SessionColumns.DATE);
        Column inBase = within(date, periods.base());
        Column inCurrent = within(date, periods.current());
        Column keyword = action(SessionColumns.KEYWORD);
        Column clickCategory = action(SessionColumns.CLICK_CATEGORY);
        Column clickProduct = action(SessionColumns.CLICK_PRODUCT);
        Column payCategories = action(SessionColumns.PAY_CATEGORIES);
        Column payProducts = action(SessionColumns.PAY_PRODUCTS);
        return actions.filter(inBase.or(inCurrent)).select(
                col(SessionColumns.USER_ID).as(USER_ID),
                date.as(DATE),
                action(SessionColumns.TIME).as(TIME),
                action(SessionColumns.FILE).as(FILE),
                action(SessionColumns.LINE).as(LINE),
                action(SessionColumns.CHANNEL).as(CHANNEL),
                when(trim(keyword).notEqual(""), keyword).as(KEYWORD),
                when(clickCategory.notEqual(-1L), clickCategory).as(CLICK_CATEGORY),
                when(clickProduct.notEqual(-1L), clickProduct).as(CLICK_PRODUCT),
                payCategories.isNotNull().or(payProducts.isNotNull()).as(PAY),
                ids(payCategories).as(PAY_CATEGORIES),
                ids(payProducts).as(PAY_PRODUCTS),
                inBase.as(IN_BASE),
                inCurrent.as(IN_CURRENT));
    }

    /** The distinct ids of a list, without the {@code -1} that names none; null for an unset list. */
    static Column ids(Column list) {
        return array_distinct(filter(list, id -> id.isNotNull().and(id.notEqual(-1L))));
    }

    private static Column action(String field) {
        return col("a." + field);
    }

    private static Column within(Column date, DateRange range) {
        return date.between(lit(java.sql.Date.valueOf(range.from())), lit(java.sql.Date.valueOf(range.to())));
    }
}
