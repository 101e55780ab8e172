package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.Actions.lines;
import static io.shoplens.engine.audience.Actions.pay;
import static io.shoplens.engine.audience.Actions.search;
import static io.shoplens.engine.audience.Actions.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three users (session: date channel, GMV):
 * <pre>
 * u1 p1 07-01 10:00 display_ad        first: paid_acquired
 *    p2 07-07 23:59 search 30         day 6: week 0
 *    p3 07-08 00:00 search 20         day 7: week 1
 *    p4 07-08 12:00 display_ad 5      week 1
 * u2 q1 07-03 direct 10               first: free_acquired
 *    q2 07-09 display_ad              day 6: week 0
 *    q3 07-17 recommend               day 14: week 2
 * u3 r2 07-05 09:00 (no channel)      first by start time: free_acquired
 *    r1 07-05 10:00 display_ad        week 0
 * </pre>
 */
class AmplificationTest {

    private static Dataset<Row> sessions;

    @BeforeAll
    static void fixture() {
        sessions = sessions(
                search(1, "p1", "2019-07-01 10:00:00", "display_ad"),
                search(1, "p2", "2019-07-07 23:59:00", "search"),
                pay(1, "p2", "2019-07-07 23:59:30", "10", "30", "search"),
                search(1, "p3", "2019-07-08 00:00:00", "search"),
                pay(1, "p3", "2019-07-08 00:00:30", "10", "20", "search"),
                search(1, "p4", "2019-07-08 12:00:00", "display_ad"),
                pay(1, "p4", "2019-07-08 12:00:30", "10", "5", "display_ad"),
                search(2, "q1", "2019-07-03 10:00:00", "direct"),
                pay(2, "q1", "2019-07-03 10:00:30", "10", "10", "direct"),
                search(2, "q2", "2019-07-09 10:00:00", "display_ad"),
                search(2, "q3", "2019-07-17 10:00:00", "recommend"),
                search(3, "r1", "2019-07-05 10:00:00", "display_ad"),
                search(3, "r2", "2019-07-05 09:00:00", null));
    }

    @Test
    void cohortsByTheFirstSessionsChannelAndWeeksByWholeDaysSinceIt() {
        Dataset<Row> table = Amplification.table(sessions, List.of("display_ad"));

        assertThat(table.columns()).containsExactly("cohort", "weeks_since_first", "users", "paid_sessions",
                "free_sessions", "free_share", "gmv_free");
        assertThat(lines(table, "cohort", "weeks_since_first")).containsExactly(
                "free_acquired|0|2|2|2|0.5|10.0",
                "free_acquired|2|1|0|1|1.0|0.0",
                "paid_acquired|0|1|1|1|0.5|30.0",
                "paid_acquired|1|1|1|1|0.5|20.0");
    }

    @Test
    void paidChannelsDecideBothTheCohortAndTheSessions() {
        Dataset<Row> table = Amplification.table(sessions, List.of("direct", "display_ad"));

        // u2 is now paid-acquired; its q1 (direct) and q2 (display_ad) are paid sessions of week 0.
        assertThat(lines(table, "cohort", "weeks_since_first")).containsExactly(
                "free_acquired|0|1|1|1|0.5|0.0",
                "paid_acquired|0|2|3|1|0.25|30.0",
                "paid_acquired|1|1|1|1|0.5|20.0",
                "paid_acquired|2|1|0|1|1.0|0.0");
    }
}
