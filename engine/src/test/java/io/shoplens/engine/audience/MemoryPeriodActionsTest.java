package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.Actions.click;
import static io.shoplens.engine.audience.Actions.pay;
import static io.shoplens.engine.audience.Actions.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;

/**
 * The period actions read session by session: a session inside one period takes its flags from
 * its dates, one that a period bound cuts is read action by action, and the users come numbered
 * in id order with their actions together.
 */
class MemoryPeriodActionsTest {

    private static final AudiencePeriods PERIODS = new AudiencePeriods(
            new DateRange(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 23)),
            new DateRange(LocalDate.of(2019, 7, 24), LocalDate.of(2019, 7, 30)));

    private static List<MemorySession> sessions;

    @BeforeAll
    static void model() {
        MemoryModel model = MemoryModel.load(Actions.model(
                // user 9: before the base, then across the base's start
                search(9, "early", "2019-07-10 10:00:00"),
                search(9, "dawn", "2019-07-16 23:59:58"),
                click(9, "dawn", "2019-07-17 00:00:03", 7),
                // user 5: across midnight from the base into the current period
                search(5, "midnight", "2019-07-23 23:59:50"),
                click(5, "midnight", "2019-07-24 00:00:10", 8),
                // user 2: one session in each period, a pay in the current one; one after both
                search(2, "base", "2019-07-20 12:00:00"),
                click(2, "base", "2019-07-20 12:00:30", 10),
                pay(2, "current", "2019-07-26 09:00:00", "10,11,10", "99.5"),
                search(2, "late", "2019-08-02 09:00:00")));
        // The model holds sessions in no particular order; the list order must not matter.
        sessions = new ArrayList<>(model.sessions());
        sessions.sort(Comparator.comparing(MemorySession::sessionId).reversed());
    }

    @Test
    void usersInIdOrderWithTheirActionsTogether() {
        MemoryPeriodActions actions = MemoryPeriodActions.of(sessions, PERIODS);

        assertThat(actions.users().count()).isEqualTo(3);
        assertThat(List.of(actions.users().id(0), actions.users().id(1), actions.users().id(2)))
                .containsExactly(2L, 5L, 9L);
        assertThat(actions.size()).isEqualTo(6);
        // A user's sessions come in the list's order, each in path order.
        assertThat(flags(actions, 0)).containsExactly("current 2019-07-26", "base 2019-07-20", "base 2019-07-20");
        assertThat(flags(actions, 1)).containsExactly("base 2019-07-23", "current 2019-07-24");
        assertThat(flags(actions, 2)).containsExactly("base 2019-07-17");
    }

    @Test
    void paysApartWithTheirDistinctIds() {
        MemoryPeriodActions actions = MemoryPeriodActions.of(sessions, PERIODS);

        assertThat(actions.pays()).isEqualTo(1);
        assertThat(actions.payUser(0)).isZero();
        assertThat(actions.inCurrent(actions.payAction(0))).isTrue();
        assertThat(actions.payProducts(0)).containsExactly(10L, 11L);
        assertThat(actions.payCategories(0)).containsExactly(1L);
        assertThat(actions.firstPay(0)).isZero();
        assertThat(actions.firstPay(1)).isEqualTo(1);
        assertThat(actions.firstPay(3)).isEqualTo(1);
    }

    private static List<String> flags(MemoryPeriodActions actions, int user) {
        List<String> out = new ArrayList<>();
        for (int a = actions.from(user); a < actions.to(user); a++) {
            String in = (actions.inBase(a) ? "base" : "") + (actions.inCurrent(a) ? "current" : "");
            out.add(in + " " + LocalDate.ofEpochDay(actions.date(a)));
        }
        return out;
    }
}
