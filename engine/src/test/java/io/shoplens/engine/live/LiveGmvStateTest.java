package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/**
 * The live GMV state's tables against the batch analyses on the same rows ({@link
 * GmvBatchReference}), whatever batches the actions and order changes came in: a late action that
 * becomes a session's first, a session across midnight, a tie in time, a pay priced from the
 * products, one of unknown amount, an order updated and one deleted.
 */
class LiveGmvStateTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 10, 30);
    static final List<String> PRODUCTS = List.of("21|p21||0|30.5", "31|p31||0|7");

    // date|user_id|session_id|page_id|action_time|search_keyword|click_category_id|click_product_id|
    // order_category_ids|order_product_ids|pay_category_ids|pay_product_ids|city_id|channel|pay_amount
    static final List<String> YESTERDAY = List.of(
            "2026-12-01|1|s1|1|2026-12-01 09:00:00||||||||1|display_ad|",
            "2026-12-01|1|s1|2|2026-12-01 09:01:00||||||||1|display_ad|",
            "2026-12-01|1|s1||2026-12-01 09:02:00||||||1|11|1|display_ad|100",
            "2026-12-01|2|s2|1|2026-12-01 15:00:00||||||||1|search|",
            "2026-12-01|2|s2||2026-12-01 15:05:00||||||1|12|1|search|50",        // after the same time
            "2026-12-01|7|s7|1|2026-12-01 23:59:50||||||||1|search|",
            "2026-12-02|7|s7|2|2026-12-02 00:00:10||||||||1|search|");          // across midnight: dated 12-01
    static final List<String> TODAY = List.of(
            "2026-12-02|3|s3|1|2026-12-02 10:00:00||||||||1|display_ad|",
            "2026-12-02|3|s3|2|2026-12-02 10:00:05||||||||1|display_ad|",
            "2026-12-02|3|s3|3|2026-12-02 10:00:10||||||||1|display_ad|",
            "2026-12-02|3|s3||2026-12-02 10:01:00||||||2|21|1|display_ad|",     // priced: 30.5
            "2026-12-02|4|s4|1|2026-12-02 10:05:00||||||||1|search|",
            "2026-12-02|4|s4|3|2026-12-02 10:06:00||||||||1|search|",
            "2026-12-02|4|s4|2|2026-12-02 10:07:00||||||||1|search|",
            "2026-12-02|5|s5|2|2026-12-02 10:10:00||||||||1||",                 // tie: page 2 first
            "2026-12-02|5|s5|1|2026-12-02 10:10:00||||||||1|search|",
            "2026-12-02|5|s5||2026-12-02 10:11:00||||||3|99|1||",               // no price: unknown amount
            "2026-12-02|6|s6|1|2026-12-02 10:20:00||||||||1|search|",
            "2026-12-02|8|s8|4|2026-12-02 10:30:00||||||||1|direct|");
    /** Read in a later batch, earlier than s3's first action: s3 starts with it, on another channel. */
    static final String LATE = "2026-12-02|3|s3|7|2026-12-02 09:59:00||||||||1|social|";
    /** The orders as they end up, as pay actions (o3 was inserted, then deleted; o2 updated from 20 to 25). */
    static final List<String> ORDERS_AT_THE_END = List.of(
            "2026-12-02|4|s4||2026-12-02 10:08:00|||||||31|||12.34",
            "2026-12-02|6|s6||2026-12-02 10:21:00|||||||31|||25");

    @Test
    void tablesEqualTheBatchAnalysesOfTheSameRows() {
        SparkSession spark = TestSpark.session();
        LiveGmvState state = new LiveGmvState(LiveGmvParams.defaults());
        Map<Long, Double> prices = Map.of(21L, 30.5, 31L, 7.0);
        List<Object[]> yesterday = values(spark, YESTERDAY);
        List<Object[]> today = values(spark, TODAY);
        List<Object[]> late = values(spark, List.of(LATE));
        List<Object[]> orders = values(spark, ORDERS_AT_THE_END);

        // Today's actions first, then yesterday's (read late), then orders and the late action.
        state.merge(0, actions(today.subList(6, 12), 6, prices), List.of(), List.of());
        state.merge(1, actions(today.subList(0, 6), 0, prices), List.of(), List.of());
        state.merge(2, actions(yesterday, 100, prices), List.of(), List.of());
        state.merge(3, List.of(), List.of(
                order("o1", orders.get(0), 0, prices),
                order("o2", withAmount(orders.get(1), 20.0), 1, prices),
                order("o3", withAmount(orders.get(1), 99.0), 2, prices)), List.of());
        state.merge(4, actions(late, 200, prices), List.of(
                order("o2", orders.get(1), 3, prices),
                new LiveGmvState.OrderChange("o3", null)), List.of());

        assertThat(state.day()).contains(DAY);
        assertThat(state.latest()).contains(NOW);
        List<String> lines = new ArrayList<>(YESTERDAY);
        lines.addAll(TODAY);
        lines.add(LATE);
        lines.addAll(ORDERS_AT_THE_END);
        assertSame(LiveGmvTables.of(state),
                GmvBatchReference.tables(spark, lines, PRODUCTS, DAY, NOW, true));

        // A few of the numbers, by hand: s3 (late first action: social, 09:59), s4, s5, s6, s8.
        List<ResultTable> live = LiveGmvTables.of(state);
        assertThat(Tables.lines(table(live, "gmv_daily"))).containsExactly("2026-12-02|5|4|67.84|0.8|16.96");
        assertThat(Tables.lines(table(live, "gmv_same_time"))).containsExactly(
                "today|2026-12-02|2026-12-02 10:30:00|5|4|67.84|0.8|16.96",
                "yesterday|2026-12-01|2026-12-01 10:30:00|1|1|100.0|1.0|100.0");
        assertThat(Tables.lines(table(live, "gmv_paid_free"))).containsExactly(
                "paid|0|0|0.0||",
                "free|5|4|67.84|0.8|16.96");
        assertThat(Tables.lines(table(live, "session_funnel")).subList(0, 3)).containsExactly(
                "1|1|4|1.0", "2|2|2|0.5", "3|3|1|0.25");
    }

    static void assertSame(List<ResultTable> live, List<ResultTable> batch) {
        assertThat(live).extracting(ResultTable::name).containsExactlyElementsOf(LiveGmvTables.NAMES);
        for (int i = 0; i < live.size(); i++) {
            ResultTable expected = batch.get(i);
            assertThat(live.get(i).name()).isEqualTo(expected.name());
            assertThat(live.get(i).columns()).as(expected.name()).isEqualTo(expected.columns());
            // Equal values of equal classes, in the same order.
            assertThat(live.get(i).rows()).as(expected.name()).isEqualTo(expected.rows());
        }
    }

    static ResultTable table(List<ResultTable> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** The fixture lines as user_visit_action values, typed by the same code as the batch's rows. */
    static List<Object[]> values(SparkSession spark, List<String> lines) {
        List<Object[]> values = new ArrayList<>();
        for (Row r : Fixtures.actions(spark, lines.toArray(String[]::new)).collectAsList()) {
            Object[] v = new Object[15];
            for (int i = 0; i < v.length; i++) {
                v[i] = ResultTable.plain(r.get(i));
            }
            values.add(v);
        }
        return values;
    }

    private static List<GmvAction> actions(List<Object[]> values, long firstOffset, Map<Long, Double> prices) {
        List<GmvAction> actions = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            actions.add(GmvAction.of(values.get(i), GmvAction.FROM_ACTIONS, 0, firstOffset + i, prices));
        }
        return actions;
    }

    private static LiveGmvState.OrderChange order(String id, Object[] values, long offset, Map<Long, Double> prices) {
        return new LiveGmvState.OrderChange(id, GmvAction.of(values, GmvAction.FROM_ORDERS, 0, offset, prices));
    }

    private static Object[] withAmount(Object[] values, double amount) {
        Object[] copy = values.clone();
        copy[14] = amount;
        return copy;
    }
}
