package io.shoplens.engine.audience;

import java.util.Arrays;
import java.util.List;

import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.memory.ActionRows;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemorySession;

/**
 * {@link PeriodActions} over the in-memory model: every action of the filtered sessions dated in
 * the base or the current period, with its session's user, values read as the Spark form reads
 * them. Ids are {@link MemoryAction#NONE} where the Spark form has null.
 * <p>
 * The actions are numbered {@code 0..size()-1} user by user ({@link AudienceUsers}' order), each
 * user's sessions in the list's order and each session in path order. They are read in place from
 * the model's columns: one object per action was a million objects per request at 10M actions.
 * The pays, which several steps read item by item, are numbered apart with their distinct ids
 * made once.
 */
final class MemoryPeriodActions {

    private static final byte BASE = 1;
    private static final byte CURRENT = 2;

    private final AudienceUsers users;
    private final int size;
    /** User u's actions are fromUser[u]..fromUser[u+1]-1. */
    private final int[] fromUser;
    /** Per user, the periods of any of its actions (BASE, CURRENT bits). */
    private final byte[] userPeriods;
    private final ActionRows[] rows;
    private final int[] place;
    private final byte[] periods;
    private final int[] pays;
    private final int[] payUser;
    private final long[][] payCategories;
    private final long[][] payProducts;

    private MemoryPeriodActions(AudienceUsers users, int size, int[] fromUser, byte[] userPeriods, ActionRows[] rows,
                                int[] place, byte[] periods, int[] pays, int[] payUser, long[][] payCategories,
                                long[][] payProducts) {
        this.users = users;
        this.size = size;
        this.fromUser = fromUser;
        this.userPeriods = userPeriods;
        this.rows = rows;
        this.place = place;
        this.periods = periods;
        this.pays = pays;
        this.payUser = payUser;
        this.payCategories = payCategories;
        this.payProducts = payProducts;
    }

    /** The actions of the users' sessions in either period. */
    static MemoryPeriodActions of(AudienceUsers users, AudiencePeriods periods) {
        int baseFrom = day(periods.base(), true);
        int baseTo = day(periods.base(), false);
        int currentFrom = day(periods.current(), true);
        int currentTo = day(periods.current(), false);
        Growing out = new Growing();
        int[] fromUser = new int[users.count() + 1];
        byte[] userPeriods = new byte[users.count()];
        for (int u = 0; u < users.count(); u++) {
            for (int k = 0; k < users.sessionCount(u); k++) {
                MemorySession s = users.sessions().get(users.session(u, k));
                // A session's dates decide for all its actions unless a period bound cuts it: most
                // sessions last minutes, so the date of each action is rarely read.
                boolean cut = splits(s, baseFrom) || splits(s, baseTo + 1) || splits(s, currentFrom)
                        || splits(s, currentTo + 1);
                byte first = in(s.minDate(), baseFrom, baseTo, currentFrom, currentTo);
                if (!cut && first == 0) {
                    continue;
                }
                ActionRows actions = s.actions();
                for (int i = 0; i < actions.size(); i++) {
                    byte in = cut ? in(actions.date(i), baseFrom, baseTo, currentFrom, currentTo) : first;
                    if (in != 0) {
                        out.add(u, actions, i, in);
                        userPeriods[u] |= in;
                    }
                }
            }
            fromUser[u + 1] = out.size;
        }
        return out.build(users, fromUser, userPeriods);
    }

    /** Whether the session has dates before {@code day} and dates on or after it. */
    private static boolean splits(MemorySession s, int day) {
        return s.minDate() < day && day <= s.maxDate();
    }

    private static byte in(int date, int baseFrom, int baseTo, int currentFrom, int currentTo) {
        return (byte) ((date >= baseFrom && date <= baseTo ? BASE : 0)
                | (date >= currentFrom && date <= currentTo ? CURRENT : 0));
    }

    /** As {@link #of(AudienceUsers, AudiencePeriods)} for sessions not yet numbered by user. */
    static MemoryPeriodActions of(List<MemorySession> sessions, AudiencePeriods periods) {
        return of(AudienceUsers.of(sessions), periods);
    }

    AudienceUsers users() {
        return users;
    }

    int size() {
        return size;
    }

    /** The user's actions are {@code from(u)..to(u)-1}. */
    int from(int user) {
        return fromUser[user];
    }

    int to(int user) {
        return fromUser[user + 1];
    }

    /** Whether the user has an action in the base period. */
    boolean userInBase(int user) {
        return (userPeriods[user] & BASE) != 0;
    }

    /** Whether the user has an action in the current period. */
    boolean userInCurrent(int user) {
        return (userPeriods[user] & CURRENT) != 0;
    }

    boolean inBase(int action) {
        return (periods[action] & BASE) != 0;
    }

    boolean inCurrent(int action) {
        return (periods[action] & CURRENT) != 0;
    }

    /** Epoch day of the action. */
    int date(int action) {
        return rows[action].date(place[action]);
    }

    /** Seconds since the epoch of local wall-clock time. */
    long time(int action) {
        return rows[action].time(place[action]);
    }

    String file(int action) {
        return rows[action].file(place[action]);
    }

    long line(int action) {
        return rows[action].line(place[action]);
    }

    String channel(int action) {
        return rows[action].channel(place[action]);
    }

    /** The keyword, null when unset or blank as Spark's {@code trim} sees it. */
    String keyword(int action) {
        return keyword(rows[action].keyword(place[action]));
    }

    /** NONE when unset or -1. */
    long clickCategory(int action) {
        return setOrNone(rows[action].clickCategory(place[action]));
    }

    /** NONE when unset or -1. */
    long clickProduct(int action) {
        return setOrNone(rows[action].clickProduct(place[action]));
    }

    /** How many of the actions are pays; pay {@code p} is numbered 0..pays()-1 in action order. */
    int pays() {
        return pays.length;
    }

    /** The number of the action pay {@code p} is. */
    int payAction(int pay) {
        return pays[pay];
    }

    int payUser(int pay) {
        return payUser[pay];
    }

    /** The pay's distinct ids in listed order without -1 and unreadable ids, null when the list is unset. */
    long[] payCategories(int pay) {
        return payCategories[pay];
    }

    /** As {@link #payCategories}. */
    long[] payProducts(int pay) {
        return payProducts[pay];
    }

    /** The pays of user u are {@code firstPay(u)..firstPay(u+1)-1}. */
    int firstPay(int user) {
        int at = Arrays.binarySearch(pays, fromUser[user]);
        return at >= 0 ? at : -at - 1;
    }

    /** The keyword unless it is empty once spaces (and only spaces, as Spark's trim) are cut. */
    private static String keyword(String keyword) {
        if (keyword == null) {
            return null;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (keyword.charAt(i) != ' ') {
                return keyword;
            }
        }
        return null;
    }

    private static long setOrNone(long id) {
        return id == -1L ? MemoryAction.NONE : id;
    }

    private static int day(DateRange range, boolean from) {
        return (int) (from ? range.from() : range.to()).toEpochDay();
    }

    /** The arrays as they fill, doubled when full. */
    private static final class Growing {
        int size;
        ActionRows[] rows = new ActionRows[1024];
        int[] place = new int[1024];
        byte[] periods = new byte[1024];
        int pays;
        int[] payAction = new int[64];
        int[] payUser = new int[64];
        long[][] payCategories = new long[64][];
        long[][] payProducts = new long[64][];

        void add(int user, ActionRows actions, int i, byte in) {
            if (size == place.length) {
                rows = Arrays.copyOf(rows, size * 2);
                place = Arrays.copyOf(place, size * 2);
                periods = Arrays.copyOf(periods, size * 2);
            }
            if (actions.isPay(i)) {
                if (pays == payAction.length) {
                    payAction = Arrays.copyOf(payAction, pays * 2);
                    payUser = Arrays.copyOf(payUser, pays * 2);
                    payCategories = Arrays.copyOf(payCategories, pays * 2);
                    payProducts = Arrays.copyOf(payProducts, pays * 2);
                }
                payAction[pays] = size;
                payUser[pays] = user;
                payCategories[pays] = MemoryAction.distinctSetIds(actions.payCategories(i));
                payProducts[pays] = MemoryAction.distinctSetIds(actions.payProducts(i));
                pays++;
            }
            rows[size] = actions;
            place[size] = i;
            periods[size] = in;
            size++;
        }

        MemoryPeriodActions build(AudienceUsers users, int[] fromUser, byte[] userPeriods) {
            // The action arrays keep their spare room: copying ten million entries cost more than it saved.
            return new MemoryPeriodActions(users, size, fromUser, userPeriods, rows, place, periods, Arrays.copyOf(payAction, pays),
                    Arrays.copyOf(payUser, pays), Arrays.copyOf(payCategories, pays),
                    Arrays.copyOf(payProducts, pays));
        }
    }
}
