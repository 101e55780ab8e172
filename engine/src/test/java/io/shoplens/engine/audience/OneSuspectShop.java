package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.Actions.click;
import static io.shoplens.engine.audience.Actions.pay;
import static io.shoplens.engine.audience.Actions.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.gmv.DateRange;

/**
 * Three users and one fake-order suspect, shared by the tests of leaving suspects out
 * (date: orders, GMV):
 * <pre>
 * u1 s1 07-17: 1, 10   pays without a click 3 s after its search: two rules, a suspect
 *    s2 07-18: 1, 5    clean
 * u2 s3 07-17: 1, 7    clean
 *    s4 07-18: 1, 3    clean
 * u3 s5 07-17: 1, 2    an instant pay only: one rule, no suspect
 * </pre>
 */
public final class OneSuspectShop {

    /** u1's actions. */
    public static final String[] SUSPECT = {
        search(1, "s1", "2019-07-17 10:00:00"),
        pay(1, "s1", "2019-07-17 10:00:03", "10", "10"),
        click(1, "s2", "2019-07-18 09:00:00", 11),
        pay(1, "s2", "2019-07-18 09:00:30", "11", "5")};
    /** u2's and u3's actions: no suspect among them. */
    public static final String[] OTHERS = {
        click(2, "s3", "2019-07-17 11:00:00", 12),
        pay(2, "s3", "2019-07-17 11:00:30", "12", "7"),
        click(2, "s4", "2019-07-18 12:00:00", 12),
        pay(2, "s4", "2019-07-18 12:00:40", "12", "3"),
        click(3, "s5", "2019-07-17 13:00:00", 13),
        pay(3, "s5", "2019-07-17 13:00:02", "13", "2")};

    private OneSuspectShop() {
    }

    /** The shop's two days as the periods: 07-17 the base, 07-18 the current one. */
    public static AudienceParams oneDayEach() {
        AudienceParams defaults = AudienceParams.defaults();
        return new AudienceParams(Optional.of(DateRange.parse("2019-07-17..2019-07-17")),
                Optional.of(DateRange.parse("2019-07-18..2019-07-18")), Optional.empty(), List.of(),
                defaults.likeClicks(), defaults.habitDays(), defaults.minUsers(), defaults.lookalikes(),
                defaults.minDwellSeconds(), defaults.asOf(), defaults.paidChannels());
    }

    /** Every action, the suspect's first. */
    public static String[] all() {
        String[] all = Arrays.copyOf(SUSPECT, SUSPECT.length + OTHERS.length);
        System.arraycopy(OTHERS, 0, all, SUSPECT.length, OTHERS.length);
        return all;
    }
}
