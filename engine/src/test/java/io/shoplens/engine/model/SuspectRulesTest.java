package io.shoplens.engine.model;

import static io.shoplens.engine.audience.Actions.click;
import static io.shoplens.engine.audience.Actions.lines;
import static io.shoplens.engine.audience.Actions.pay;
import static io.shoplens.engine.audience.Actions.search;
import static io.shoplens.engine.audience.Actions.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SuspectRulesTest {

    @Test
    void payWithoutClickIsAPayOfAProductNoEarlierActionOfTheSessionClicked() {
        Dataset<Row> sessions = sessions(
                // Clicked first: fine.
                click(1, "a1", "2019-07-17 10:00:00", 10),
                pay(1, "a1", "2019-07-17 10:00:30", "10", "1"),
                // 11 was clicked, 12 was not.
                click(2, "a2", "2019-07-17 10:00:00", 11),
                pay(2, "a2", "2019-07-17 10:00:30", "11,12", "2"),
                // 13 was clicked, but in another session of the same user.
                click(3, "a3", "2019-07-17 10:00:00", 13),
                search(3, "a4", "2019-07-17 11:00:00"),
                pay(3, "a4", "2019-07-17 11:00:30", "13", "3"),
                // Clicked only after the pay.
                search(4, "a5", "2019-07-17 10:00:00"),
                pay(4, "a5", "2019-07-17 10:00:20", "14", "4"),
                click(4, "a5", "2019-07-17 10:00:40", 14),
                // A pay of categories only names no product.
                search(5, "a6", "2019-07-17 10:00:00"),
                pay(5, "a6", "2019-07-17 10:00:30", "", "5"),
                // Same second: the click's earlier line puts it before the pay (session order).
                click(6, "a7", "2019-07-17 10:00:00", 16),
                pay(6, "a7", "2019-07-17 10:00:00", "16", "6"),
                // -1 in a list names no product.
                click(7, "a8", "2019-07-17 10:00:00", 17),
                pay(7, "a8", "2019-07-17 10:00:30", "17,-1", "7"));

        assertThat(lines(SuspectRules.payWithoutClick(sessions), "user_id", "session_id")).containsExactly(
                "2|a2|pay_without_click|paid without an earlier click: product 12",
                "3|a4|pay_without_click|paid without an earlier click: product 13",
                "4|a5|pay_without_click|paid without an earlier click: product 14");
    }

    @Test
    void instantPayIsAFirstPayLessThanMinDwellSecondsAfterTheFirstAction() {
        String[] actions = {
            click(1, "b1", "2019-07-17 10:00:00", 10),
            pay(1, "b1", "2019-07-17 10:00:09", "10", "1"),
            click(2, "b2", "2019-07-17 10:00:00", 11),
            pay(2, "b2", "2019-07-17 10:00:10", "11", "1"),
            // Only the first pay counts: 30 s.
            click(3, "b3", "2019-07-17 10:00:00", 12),
            pay(3, "b3", "2019-07-17 10:00:30", "12", "1"),
            pay(3, "b3", "2019-07-17 10:00:31", "12", "1"),
            // No pay at all.
            click(4, "b4", "2019-07-17 10:00:00", 13),
            // The session opens with its pay: 0 s.
            pay(5, "b5", "2019-07-17 10:00:00", "14", "1"),
            click(5, "b5", "2019-07-17 10:00:05", 14)};

        assertThat(lines(SuspectRules.instantPay(sessions(actions), 10), "user_id")).containsExactly(
                "1|b1|instant_pay|first pay 9 s after the first action",
                "5|b5|instant_pay|first pay 0 s after the first action");
        assertThat(lines(SuspectRules.instantPay(sessions(actions), 31), "user_id")).containsExactly(
                "1|b1|instant_pay|first pay 9 s after the first action",
                "2|b2|instant_pay|first pay 10 s after the first action",
                "3|b3|instant_pay|first pay 30 s after the first action",
                "5|b5|instant_pay|first pay 0 s after the first action");
        assertThat(SuspectRules.instantPay(sessions(actions), 0).count()).isZero();
    }

    @Test
    void burstFlagsTheSessionHoldingTheFifthPayWithinSixtyMinutes() {
        Dataset<Row> sessions = sessions(
                // 10:00 to 11:00 is exactly 60 minutes: a burst; the 6th pay is the 5th from 10:15.
                pay(1, "c1", "2019-07-17 10:00:00", "10", "1"),
                pay(1, "c2", "2019-07-17 10:15:00", "10", "1"),
                pay(1, "c3", "2019-07-17 10:30:00", "10", "1"),
                pay(1, "c4", "2019-07-17 10:45:00", "10", "1"),
                pay(1, "c5", "2019-07-17 11:00:00", "10", "1"),
                pay(1, "c6", "2019-07-17 11:14:59", "10", "1"),
                pay(1, "c7", "2019-07-17 12:30:00", "10", "1"),
                // One second too slow.
                pay(2, "d1", "2019-07-17 10:00:00", "10", "1"),
                pay(2, "d2", "2019-07-17 10:15:00", "10", "1"),
                pay(2, "d3", "2019-07-17 10:30:00", "10", "1"),
                pay(2, "d4", "2019-07-17 10:45:00", "10", "1"),
                pay(2, "d5", "2019-07-17 11:00:01", "10", "1"),
                // Five pays in two sessions: the second holds the 5th (and the 4th).
                pay(3, "e1", "2019-07-17 10:00:00", "10", "1"),
                pay(3, "e1", "2019-07-17 10:01:00", "10", "1"),
                pay(3, "e1", "2019-07-17 10:02:00", "10", "1"),
                pay(3, "e2", "2019-07-17 10:03:00", "10", "1"),
                pay(3, "e2", "2019-07-17 10:04:00", "10", "1"),
                // Four pays are no burst.
                pay(4, "f1", "2019-07-17 10:00:00", "10", "1"),
                pay(4, "f1", "2019-07-17 10:00:01", "10", "1"),
                pay(4, "f1", "2019-07-17 10:00:02", "10", "1"),
                pay(4, "f1", "2019-07-17 10:00:03", "10", "1"));

        assertThat(lines(SuspectRules.burst(sessions), "user_id", "session_id")).containsExactly(
                "1|c5|burst|5 pays from 2019-07-17 10:00:00 to 2019-07-17 11:00:00",
                "1|c6|burst|5 pays from 2019-07-17 10:15:00 to 2019-07-17 11:14:59",
                "3|e2|burst|5 pays from 2019-07-17 10:00:00 to 2019-07-17 10:04:00");
    }

    @Test
    void concentrationFlagsTheTopPayersSessionsOfAProductHourWithThreePaysPerPayer() {
        Dataset<Row> sessions = sessions(
                // Product 50, 14:00-14:59: 6 pays by 2 payers, exactly 3 per payer; user 20 pays most.
                pay(20, "e1", "2019-07-17 14:00:00", "50", "1"),
                pay(20, "e1", "2019-07-17 14:10:00", "50", "1"),
                pay(20, "e2", "2019-07-17 14:20:00", "50", "1"),
                pay(20, "e2", "2019-07-17 14:30:00", "50", "1"),
                pay(21, "e3", "2019-07-17 14:05:00", "50", "1"),
                pay(21, "e3", "2019-07-17 14:15:00", "50", "1"),
                // The same product in the next hour: a session of the top payer that is not flagged.
                pay(20, "e4", "2019-07-17 15:00:00", "50", "1"),
                // Product 60: 5 pays by 2 payers, one short.
                pay(22, "f1", "2019-07-17 14:00:00", "60", "1"),
                pay(22, "f1", "2019-07-17 14:01:00", "60", "1"),
                pay(23, "f2", "2019-07-17 14:02:00", "60", "1"),
                pay(23, "f2", "2019-07-17 14:03:00", "60", "1"),
                pay(23, "f2", "2019-07-17 14:04:00", "60", "1"),
                // Product 70: 3 pays each; the tie goes to the smaller user_id, 24.
                pay(25, "g1", "2019-07-17 14:00:00", "70", "1"),
                pay(25, "g1", "2019-07-17 14:01:00", "70", "1"),
                pay(25, "g1", "2019-07-17 14:02:00", "70", "1"),
                pay(24, "g2", "2019-07-17 14:03:00", "70", "1"),
                pay(24, "g2", "2019-07-17 14:04:00", "70", "1"),
                pay(24, "g2", "2019-07-17 14:05:00", "70", "1"),
                // Product 80: three pays, but across the 15:00 boundary (2 + 1).
                pay(26, "h1", "2019-07-17 14:58:00", "80", "1"),
                pay(26, "h1", "2019-07-17 14:59:59", "80", "1"),
                pay(26, "h1", "2019-07-17 15:00:00", "80", "1"),
                // Product 90: a pay listing it twice is one pay of it, so 2 pays, not 3.
                pay(27, "i1", "2019-07-17 14:00:00", "90,90", "1"),
                pay(27, "i1", "2019-07-17 14:01:00", "90", "1"));

        assertThat(lines(SuspectRules.concentration(sessions), "user_id", "session_id")).containsExactly(
                "20|e1|concentration|product 50 at 2019-07-17 14:00: 6 pays by 2 payers",
                "20|e2|concentration|product 50 at 2019-07-17 14:00: 6 pays by 2 payers",
                "24|g2|concentration|product 70 at 2019-07-17 14:00: 6 pays by 2 payers");
    }

    @Test
    void aSessionHotInTwoProductHoursIsOneRowNamingBoth() {
        Dataset<Row> sessions = sessions(
                pay(1, "j1", "2019-07-17 14:00:00", "50,60", "1"),
                pay(1, "j1", "2019-07-17 14:01:00", "50,60", "1"),
                pay(1, "j1", "2019-07-17 14:02:00", "50,60", "1"));

        assertThat(lines(SuspectRules.concentration(sessions), "user_id")).containsExactly(
                "1|j1|concentration|product 50 at 2019-07-17 14:00: 3 pays by 1 payers; "
                        + "product 60 at 2019-07-17 14:00: 3 pays by 1 payers");
    }

    @Test
    void suspectsAreUsersWithTwoDistinctRules() {
        Dataset<Row> sessions = sessions(
                // pay_without_click and instant_pay in one session.
                search(1, "k1", "2019-07-17 10:00:00"),
                pay(1, "k1", "2019-07-17 10:00:03", "10", "1"),
                // instant_pay only, in two sessions: one rule.
                click(2, "k2", "2019-07-17 10:00:00", 11),
                pay(2, "k2", "2019-07-17 10:00:05", "11", "1"),
                click(2, "k3", "2019-07-17 11:00:00", 11),
                pay(2, "k3", "2019-07-17 11:00:05", "11", "1"),
                // Nothing.
                click(3, "k4", "2019-07-17 10:00:00", 12),
                pay(3, "k4", "2019-07-17 10:00:30", "12", "1"));
        Dataset<Row> flags = SuspectRules.flags(sessions, 10);

        assertThat(lines(flags, "user_id", "session_id", "rule")).containsExactly(
                "1|k1|instant_pay|first pay 3 s after the first action",
                "1|k1|pay_without_click|paid without an earlier click: product 10",
                "2|k2|instant_pay|first pay 5 s after the first action",
                "2|k3|instant_pay|first pay 5 s after the first action");
        assertThat(lines(SuspectRules.suspectUsersOf(flags), "user_id")).containsExactly("1");
        assertThat(SuspectRules.suspectUsersOf(flags).columns()).containsExactly("user_id");
    }
}
