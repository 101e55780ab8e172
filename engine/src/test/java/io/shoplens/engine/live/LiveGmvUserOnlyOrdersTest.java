package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.testing.TestSpark;

/**
 * Orders that name their user but not their session, counted in the user's session open when
 * they were paid, against a batch recount of the same rule ({@link GmvBatchReference#attributed}):
 * whatever batches the orders and the sessions come in, with a late action that moves a session's
 * start, an update that moves an order to another session and orders no session takes.
 */
class LiveGmvUserOnlyOrdersTest {

    /** A second session of user 6, after s6. */
    private static final List<String> S6B = List.of(
            "2026-12-02|6|s6b|1|2026-12-02 10:25:00||||||||1|display_ad|",
            "2026-12-02|6|s6b|2|2026-12-02 10:26:00||||||||1|display_ad|");

    // As the orders end up, without a session: date|user|||time|…|pay_product_ids|||amount.
    private static final String O1_U4_IN_S4 = "2026-12-02|4|||2026-12-02 10:08:00|||||||31|||12.34";
    /** Before s3's first action until LATE (09:59) is read: then s3 takes it. */
    private static final String O2_U3_BEFORE_S3 = "2026-12-02|3|||2026-12-02 09:59:30|||||||31|||5";
    /** At 10:27 after its update (first 10:22, in s6): the latest session started by then is s6b. */
    private static final String O3_U6_IN_S6B = "2026-12-02|6|||2026-12-02 10:27:00|||||||31|||25";
    private static final String O3_U6_BEFORE_UPDATE = "2026-12-02|6|||2026-12-02 10:22:00|||||||31|||20";
    /** Yesterday, after s1 closed (09:02): the user's latest session started before it that day. */
    private static final String O4_U1_AFTER_S1 = "2026-12-01|1|||2026-12-01 09:30:00|||||||31|||100";
    /** s7 began the day before: another day, so no session takes it. */
    private static final String O5_U7_NEXT_DAY = "2026-12-02|7|||2026-12-02 00:05:00|||||||31|||9";
    /** A user with no session at all. */
    private static final String O6_U99 = "2026-12-02|99|||2026-12-02 10:10:00|||||||31|||9";
    /** Inserted, then deleted. */
    private static final String O7_U5_DELETED = "2026-12-02|5|||2026-12-02 10:12:00|||||||31|||70";

    @Test
    void eachOrderCountsInItsUsersSessionOpenWhenItWasPaidAsTheBatchRecountSays() {
        SparkSession spark = TestSpark.session();
        LiveGmvState state = new LiveGmvState(LiveGmvParams.defaults());
        mergeTheScenario(spark, state);

        assertThat(state.unattributedOrders()).isEqualTo(2);
        List<String> actionLines = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        actionLines.addAll(LiveGmvStateTest.TODAY);
        actionLines.addAll(S6B);
        actionLines.add(LiveGmvStateTest.LATE);
        List<String> pays = GmvBatchReference.attributed(spark, actionLines, List.of(O1_U4_IN_S4, O2_U3_BEFORE_S3,
                O3_U6_IN_S6B, O4_U1_AFTER_S1, O5_U7_NEXT_DAY, O6_U99));
        // The rule, by hand, on the batch side too: o5 and o6 find no session.
        assertThat(pays).extracting(line -> line.split("\\|")[1] + ":" + line.split("\\|")[2])
                .containsExactlyInAnyOrder("4:s4", "3:s3", "6:s6b", "1:s1");
        List<String> lines = new ArrayList<>(actionLines);
        lines.addAll(pays);
        LiveGmvStateTest.assertSame(LiveGmvTables.of(state), GmvBatchReference.tables(spark, lines,
                LiveGmvStateTest.PRODUCTS, LiveGmvStateTest.DAY, LiveGmvStateTest.NOW, true));
    }

    /**
     * Batches 0–4 of user-only orders and sessions in a hard order: orders before any session,
     * an update that moves an order, a delete, a late action that moves a session's start.
     */
    static void mergeTheScenario(SparkSession spark, LiveGmvState state) {
        Map<Long, Double> prices = Map.of(21L, 30.5, 31L, 7.0);

        // Orders before any session: they wait.
        state.merge(0, List.of(), List.of(
                order("o1", O1_U4_IN_S4, 0, prices),
                order("o2", O2_U3_BEFORE_S3, 1, prices),
                order("o3", O3_U6_BEFORE_UPDATE, 2, prices),
                order("o7", O7_U5_DELETED, 3, prices)), List.of());
        assertThat(state.unattributedOrders()).isEqualTo(4);
        state.merge(1, actions(spark, LiveGmvStateTest.TODAY, 0, prices), List.of(), List.of());
        // o2 is before s3's first action yet; o1, o3 and o7 have their sessions.
        assertThat(state.unattributedOrders()).isEqualTo(1);
        state.merge(2, actions(spark, LiveGmvStateTest.YESTERDAY, 100, prices), List.of(
                order("o4", O4_U1_AFTER_S1, 4, prices),
                order("o5", O5_U7_NEXT_DAY, 5, prices),
                order("o6", O6_U99, 6, prices)), List.of());
        state.merge(3, actions(spark, S6B, 200, prices), List.of(
                order("o3", O3_U6_IN_S6B, 7, prices),
                new LiveGmvState.OrderChange("o7", null)), List.of());
        state.merge(4, actions(spark, List.of(LiveGmvStateTest.LATE), 300, prices), List.of(), List.of());
    }

    @Test
    void aUserOnlyMappingNeedsTheUserColumnAndAnOrderItsUser() {
        OrderColumns userOnly = new OrderColumns("orders", "id", "", "uid", "paid_at", "total", "items");
        assertThat(userOnly.userOnly()).isTrue();
        assertThat(userOnly.session()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new OrderColumns("orders", "id", null, " ", "paid_at", "total", "items"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session or a user");
        var parsed = io.shoplens.engine.imports.OrderMessages.parse(
                "{\"data\":[{\"id\":\"o1\",\"paid_at\":\"2026-12-02 10:00:00\",\"items\":\"31\"}],"
                        + "\"table\":\"orders\",\"type\":\"INSERT\",\"isDdl\":false}",
                io.shoplens.engine.imports.OrderMessages.Format.CANAL, userOnly);
        assertThat(parsed.accepted()).isFalse();
        assertThat(parsed.reason()).contains("uid: missing (the user");
    }

    static List<GmvAction> actions(SparkSession spark, List<String> lines, long firstOffset,
                                           Map<Long, Double> prices) {
        List<Object[]> values = LiveGmvStateTest.values(spark, lines);
        List<GmvAction> actions = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            actions.add(GmvAction.of(values.get(i), GmvAction.FROM_ACTIONS, 0, firstOffset + i, prices));
        }
        return actions;
    }

    static LiveGmvState.OrderChange order(String id, String line, long offset, Map<Long, Double> prices) {
        Object[] values = LiveGmvStateTest.values(TestSpark.session(), List.of(line)).get(0);
        return new LiveGmvState.OrderChange(id, GmvAction.of(values, GmvAction.FROM_ORDERS, 0, offset, prices));
    }
}
