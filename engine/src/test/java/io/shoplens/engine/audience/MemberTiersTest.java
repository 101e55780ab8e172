package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.Actions.click;
import static io.shoplens.engine.audience.Actions.lines;
import static io.shoplens.engine.audience.Actions.pay;
import static io.shoplens.engine.audience.Actions.sessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.testing.TestSpark;

/**
 * Eight users, as of 2019-07-20 (recency R days, frequency F pays, monetary M):
 * <pre>
 * u1 07-20 10                        R0 F1 M10
 * u2 07-19 5, 07-19 5                R1 F2 M10
 * u3 07-15 100                       R5 F1 M100
 * u4 07-19 1, 1, unknown amount      R1 F3 M2
 * u5 07-10, 07-12, 07-14, 07-16 20   R4 F4 M80
 * u6 07-20 7 (07-21 1000 is later)   R0 F1 M7
 * u7 07-21 only                      no pay up to 07-20
 * u8 a click, no pay
 * </pre>
 * ntile(5) of 6 users fills the tiles 2, 1, 1, 1, 1.
 */
class MemberTiersTest {

    private static Dataset<Row> sessions;

    @BeforeAll
    static void fixture() {
        sessions = sessions(
                pay(1, "s1", "2019-07-20 10:00:00", "10", "10"),
                pay(2, "s2", "2019-07-19 10:00:00", "10", "5"),
                pay(2, "s2", "2019-07-19 10:05:00", "10", "5"),
                pay(3, "s3", "2019-07-15 10:00:00", "10", "100"),
                pay(4, "s4", "2019-07-19 10:00:00", "10", "1"),
                pay(4, "s4", "2019-07-19 10:01:00", "10", "1"),
                // No pay_amount and no price: an order of unknown amount.
                pay(4, "s4", "2019-07-19 10:02:00", "999", ""),
                pay(5, "s5", "2019-07-10 10:00:00", "10", "20"),
                pay(5, "s6", "2019-07-12 10:00:00", "10", "20"),
                pay(5, "s7", "2019-07-14 10:00:00", "10", "20"),
                pay(5, "s8", "2019-07-16 10:00:00", "10", "20"),
                pay(6, "s9", "2019-07-20 10:00:00", "10", "7"),
                pay(6, "s10", "2019-07-21 10:00:00", "10", "1000"),
                pay(7, "s11", "2019-07-21 10:00:00", "10", "3"),
                click(8, "s12", "2019-07-18 10:00:00", 10));
    }

    @Test
    void rfmRanksRecencyDescendingAndFrequencyAndMonetaryAscendingWithTiesByUserId() {
        Dataset<Row> rfm = MemberTiers.rfm(MemberTiers.pays(sessions), LocalDate.of(2019, 7, 20));

        assertThat(rfm.columns()).containsExactly("user_id", "recency_days", "frequency", "monetary", "r", "f", "m",
                "segment");
        // r: u3(5) u5(4) | u2(1) | u4(1) | u1(0) | u6(0)     u2 before u4 and u1 before u6: ties by user_id
        // f: u1(1) u3(1) | u6(1) | u2(2) | u4(3) | u5(4)
        // m: u4(2) u6(7) | u1(10) | u2(10) | u5(80) | u3(100)
        assertThat(lines(rfm, "user_id")).containsExactly(
                "1|0|1|10.0|4|1|2|new",
                "2|1|2|10.0|2|3|3|at_risk",
                "3|5|1|100.0|1|1|5|lost",
                "4|1|3|2.0|3|4|1|loyal",
                "5|4|4|80.0|1|5|4|cant_lose",
                "6|0|1|7.0|5|2|1|potential_loyalist");
    }

    @Test
    void everyCellOfTheGridHasTheFirstSegmentThatHoldsIt() {
        StructType schema = new StructType().add("r", DataTypes.IntegerType).add("f", DataTypes.IntegerType);
        List<Row> cells = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                cells.add(RowFactory.create(r, f));
            }
        }
        Dataset<Row> grid = TestSpark.session().createDataFrame(cells, schema)
                .withColumn("segment", MemberTiers.segment(col("r"), col("f")));

        List<String> bySegment = grid.collectAsList().stream().map(row -> row.getString(2)).toList();
        assertThat(bySegment).containsExactly(
                // r = 5, f = 1..5
                "new", "potential_loyalist", "potential_loyalist", "champions", "champions",
                // r = 4
                "new", "potential_loyalist", "potential_loyalist", "champions", "champions",
                // r = 3
                "need_attention", "need_attention", "need_attention", "loyal", "loyal",
                // r = 2
                "hibernating", "hibernating", "at_risk", "at_risk", "at_risk",
                // r = 1
                "lost", "lost", "at_risk", "cant_lose", "cant_lose");
    }

    /**
     * As of 07-17 only u3 (07-15, R2 F1) and u5 (07-10..07-16, R1 F4) have paid: two users in
     * tiles 1 and 2, so u3 is r1 f1 (lost) and u5 r2 f2 (hibernating). As of 07-20 see above; u7
     * and u8 have no pay by then.
     */
    @Test
    void tierMovesCountEveryUserFromBaseEndToCurrentEndWithNoneBeforeTheFirstPay() {
        Dataset<Row> pays = MemberTiers.pays(sessions);
        Dataset<Row> moves = MemberTiers.tierMoves(sessions, pays, LocalDate.of(2019, 7, 17),
                LocalDate.of(2019, 7, 20)).orderBy("from_rank", "to_rank").select("from_segment", "to_segment",
                "users");

        assertThat(io.shoplens.engine.testing.Tables.lines(io.shoplens.engine.analysis.ResultTable.of("t", moves)))
                .containsExactly(
                        "hibernating|cant_lose|1",
                        "lost|lost|1",
                        "none|potential_loyalist|1",
                        "none|new|1",
                        "none|loyal|1",
                        "none|at_risk|1",
                        "none|none|2");
    }
}
