package io.shoplens.engine.model;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;

import static io.shoplens.engine.model.SessionColumns.*;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;

/**
 * A {@link SessionFilter} applied to the session model (docs/ANALYSES.md, conventions): the date
 * range keeps actions by their date, every other filter keeps whole sessions by their actions in
 * that range and their user.
 *
 * <p>A session with actions on both sides of a date bound is cut: its actions in the range are
 * made into a session again by the same code that made the model, so its length, its steps,
 * keywords and GMV are those of the actions left. Sessions rarely cross midnight, so this touches
 * a handful of rows; the others are kept as they are. User values reach Spark only as literals.
 *
 * <p>With {@link SessionFilter#excludeSuspects()}, the sessions of the fake-order suspect users
 * are dropped too. The suspects are found on the whole model, whatever the other filters: a
 * filter that hides part of a user's behaviour must not make them look innocent.
 */
public final class ModelFilter {

    private ModelFilter() {
    }

    /** {@code filter} on {@code model}; suspects found with the default {@code --min-dwell}. */
    public static Dataset<Row> apply(SessionModel model, SessionFilter filter) {
        return apply(model, filter, SuspectRules.DEFAULT_MIN_DWELL_SECONDS);
    }

    /** {@code filter} on {@code model}; suspects, if excluded, found with the run's {@code --min-dwell}. */
    public static Dataset<Row> apply(SessionModel model, SessionFilter filter, int suspectMinDwellSeconds) {
        Dataset<Row> sessions = inDateRange(model, filter);
        if (filter.excludeSuspects()) {
            sessions = SuspectRules.withoutSuspects(sessions, model, suspectMinDwellSeconds);
        }
        if (filter.minAge().isPresent()) {
            sessions = sessions.filter(col(AGE).geq(lit(filter.minAge().get())));
        }
        if (filter.maxAge().isPresent()) {
            sessions = sessions.filter(col(AGE).leq(lit(filter.maxAge().get())));
        }
        if (!filter.professionals().isEmpty()) {
            sessions = sessions.filter(col(PROFESSIONAL).isin(filter.professionals().toArray()));
        }
        if (!filter.cities().isEmpty()) {
            sessions = sessions.filter(col(USER_CITY).isin(filter.cities().toArray()));
        }
        if (!filter.sexes().isEmpty()) {
            sessions = sessions.filter(col(SEX).isin(filter.sexes().toArray()));
        }
        if (!filter.keywords().isEmpty()) {
            sessions = sessions.filter(arrays_overlap(col(KEYWORDS), literals(filter.keywords(), false)));
        }
        if (!filter.categories().isEmpty()) {
            sessions = sessions.filter(arrays_overlap(col(CLICK_CATEGORIES), literals(filter.categories(), true)));
        }
        if (!filter.channels().isEmpty()) {
            sessions = sessions.filter(Unknown.or(col(CHANNEL), Unknown.VALUE).isin(filter.channels().toArray()));
        }
        if (!filter.areas().isEmpty()) {
            sessions = sessions.filter(Unknown.or(col(AREA), Unknown.PLACE).isin(filter.areas().toArray()));
        }
        if (!filter.pageJumps().isEmpty()) {
            sessions = sessions.filter(madeAnyOf(filter.pageJumps()));
        }
        return sessions;
    }

    /**
     * Whether two adjacent actions of the session are on the pages of one of {@code jumps}: the
     * pairs page_jumps counts (an action without a page breaks a pair, as there). A lambda, so
     * interpreted, but only run when the filter is given and stops at the first pair that matches.
     */
    static Column madeAnyOf(List<PageJump> jumps) {
        Column pages = col(ACTIONS).getField(PAGE_ID);
        Column pairs = arrays_zip(slice(pages, lit(1), size(pages).minus(1)), slice(pages, lit(2), size(pages).minus(1)));
        return exists(pairs, pair -> jumps.stream()
                .map(jump -> pair.getField("0").equalTo(jump.from()).and(pair.getField("1").equalTo(jump.to())))
                .reduce(Column::or).orElseThrow());
    }

    private static Dataset<Row> inDateRange(SessionModel model, SessionFilter filter) {
        Dataset<Row> sessions = model.sessions();
        if (filter.from().isEmpty() && filter.to().isEmpty()) {
            return sessions;
        }
        Column from = lit(Date.valueOf(filter.from().orElse(LocalDate.of(1, 1, 1))));
        Column to = lit(Date.valueOf(filter.to().orElse(LocalDate.of(9999, 12, 31))));
        Column whole = col(MIN_DATE).geq(from).and(col(MAX_DATE).leq(to));
        Column some = col(MAX_DATE).geq(from).and(col(MIN_DATE).leq(to));
        Dataset<Row> cut = sessions.filter(some.and(org.apache.spark.sql.functions.not(whole)))
                .select(col(SESSION_ID), explode(col(ACTIONS)).as("a"))
                .filter(col("a." + DATE).between(from, to));
        Dataset<Row> rebuilt = SessionModelBuilder.sessionsOfPricedActions(asActionRows(cut),
                model.tables().users(), model.tables().cities());
        return sessions.filter(whole).unionByName(rebuilt);
    }

    /** The model's action structs back in the workspace's action columns, with their amount. */
    private static Dataset<Row> asActionRows(Dataset<Row> cut) {
        return cut.select(col("a." + DATE).as("date"), col("a." + USER_ID).as("user_id"),
                col(SESSION_ID).as("session_id"), col("a." + PAGE_ID).as("page_id"),
                col("a." + TIME).as("action_time"), col("a." + KEYWORD).as("search_keyword"),
                col("a." + CLICK_CATEGORY).as("click_category_id"), col("a." + CLICK_PRODUCT).as("click_product_id"),
                idList(col("a." + ORDER_CATEGORIES)).as("order_category_ids"),
                idList(col("a." + ORDER_PRODUCTS)).as("order_product_ids"),
                idList(col("a." + PAY_CATEGORIES)).as("pay_category_ids"),
                idList(col("a." + PAY_PRODUCTS)).as("pay_product_ids"),
                col("a." + CITY_ID).as("city_id"), col("a." + CHANNEL).as("channel"),
                col("a." + PAY_AMOUNT).as("pay_amount"), col("a." + FILE).as("source_file"),
                col("a." + LINE).as("source_line"), col("a." + AMOUNT).as("amount"));
    }

    /** The ids of a list as the workspace writes them, {@code "1,2,3"}; null stays null. */
    private static Column idList(Column ids) {
        return org.apache.spark.sql.functions.array_join(ids.cast("array<string>"), ",");
    }

    private static Column literals(List<?> values, boolean longs) {
        Column[] items = values.stream().map(v -> longs ? lit(v).cast(DataTypes.LongType) : lit(v))
                .toArray(Column[]::new);
        return array(items);
    }
}
