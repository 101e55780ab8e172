package io.shoplens.engine.memory;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.shoplens.engine.model.SuspectRules;
import io.shoplens.engine.text.Text;

/**
 * {@link SuspectRules} over in-memory sessions, flag for flag as the Spark rules give them, so the
 * suspects table and the exclusion of suspects need no Spark job. A session without a user
 * ({@link MemoryAction#NONE}) is flagged as Spark flags it, with a null user_id, and its pays
 * share one user order with the other sessions without a user, as Spark's window over a null key
 * does; such a "user" is never a suspect, since a null id joins nothing.
 */
public final class MemorySuspectRules {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");
    private static final long HOUR_SECONDS = 3600;

    private MemorySuspectRules() {
    }

    /** One pay action: its session's user and id, its place in user order, its distinct products. */
    private record Pay(long userId, String sessionId, long time, String file, long line, long[] products) {
    }

    private record Flag(long userId, String sessionId, String rule, String detail) {
    }

    /**
     * Every rule on {@code sessions}: rows of {@link SuspectRules#FLAG_COLUMNS} (user_id null when
     * unknown), sorted by user_id (nulls first), session_id, rule as the suspects table is.
     */
    public static List<List<Object>> flags(List<MemorySession> sessions, int minDwellSeconds) {
        List<Flag> flags = new ArrayList<>();
        List<Pay> pays = new ArrayList<>();
        for (MemorySession s : sessions) {
            // Every rule starts from a pay, and orders counts the session's pays: most have none.
            if (s.orders() == 0) {
                continue;
            }
            payWithoutClick(s, flags);
            instantPay(s, minDwellSeconds, flags);
            ActionRows actions = s.actions();
            for (int i = 0; i < actions.size(); i++) {
                if (actions.isPay(i)) {
                    MemoryAction a = actions.get(i);
                    pays.add(new Pay(s.userId(), s.sessionId(), a.time(), a.file(), a.line(),
                            Objects.requireNonNullElse(MemoryAction.distinctSetIds(a.payProducts()), NO_PRODUCTS)));
                }
            }
        }
        burst(pays, flags);
        concentration(pays, flags);
        flags.sort(Comparator.comparingLong(Flag::userId).thenComparing(Flag::sessionId, Text.NULLS_FIRST)
                .thenComparing(Flag::rule, Text.ORDER));
        List<List<Object>> rows = new ArrayList<>(flags.size());
        for (Flag f : flags) {
            rows.add(Arrays.asList(f.userId() == MemoryAction.NONE ? null : f.userId(), f.sessionId(), f.rule(),
                    f.detail()));
        }
        return rows;
    }

    /** The users of {@code sessions} flagged by at least {@link SuspectRules#SUSPECT_RULES} distinct rules. */
    public static Set<Long> suspectUsers(List<MemorySession> sessions, int minDwellSeconds) {
        return suspectUsersOf(flags(sessions, minDwellSeconds));
    }

    /** The users among {@code flags} (rows of {@link #flags}) with at least {@link SuspectRules#SUSPECT_RULES} distinct rules. */
    public static Set<Long> suspectUsersOf(List<List<Object>> flags) {
        Map<Long, Set<Object>> rules = new HashMap<>();
        for (List<Object> f : flags) {
            if (f.get(0) != null) {
                rules.computeIfAbsent((Long) f.get(0), u -> new HashSet<>()).add(f.get(2));
            }
        }
        return rules.entrySet().stream().filter(e -> e.getValue().size() >= SuspectRules.SUSPECT_RULES)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    private static void payWithoutClick(MemorySession s, List<Flag> flags) {
        ActionRows actions = s.actions();
        if (!anyPayProducts(actions)) {
            return;  // most sessions: nothing to check, no sets to make
        }
        // A session has a few dozen actions at most: arrays scanned beat boxed hash sets here.
        long[] clicked = new long[actions.size()];
        long[] unclicked = new long[4];
        int unclickedCount = 0;
        for (int i = 0; i < actions.size(); i++) {
            // Only clicks before the pay count: its own click is added after it is checked.
            long[] pay = actions.payProducts(i);
            for (int p = 0; pay != null && p < pay.length; p++) {
                long product = pay[p];
                if (MemoryAction.isSet(product) && MemoryAction.indexOf(clicked, i, product) < 0
                        && MemoryAction.indexOf(unclicked, unclickedCount, product) < 0) {
                    if (unclickedCount == unclicked.length) {
                        unclicked = Arrays.copyOf(unclicked, unclickedCount * 2);
                    }
                    unclicked[unclickedCount++] = product;
                }
            }
            clicked[i] = actions.clickProduct(i);
        }
        if (unclickedCount > 0) {
            flags.add(new Flag(s.userId(), s.sessionId(), SuspectRules.PAY_WITHOUT_CLICK,
                    "paid without an earlier click: product " + Arrays.stream(unclicked, 0, unclickedCount)
                            .mapToObj(String::valueOf).collect(Collectors.joining(", product "))));
        }
    }

    private static void instantPay(MemorySession s, int minDwellSeconds, List<Flag> flags) {
        ActionRows actions = s.actions();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.isPay(i)) {
                long dwell = actions.time(i) - actions.time(0);
                if (dwell < minDwellSeconds) {
                    flags.add(new Flag(s.userId(), s.sessionId(), SuspectRules.INSTANT_PAY,
                            "first pay " + dwell + " s after the first action"));
                }
                return;
            }
        }
    }

    private static void burst(List<Pay> pays, List<Flag> flags) {
        Map<Long, List<Pay>> byUser = new HashMap<>();
        for (Pay p : pays) {
            byUser.computeIfAbsent(p.userId(), u -> new ArrayList<>()).add(p);
        }
        Comparator<Pay> userOrder = Comparator.comparingLong(Pay::time).thenComparing(Pay::file, Text.NULLS_FIRST)
                .thenComparingLong(Pay::line);
        int before = SuspectRules.BURST_PAYS - 1;
        for (List<Pay> ofUser : byUser.values()) {
            ofUser.sort(userOrder);
            // Per session, the earliest pay that ends a window (time, then window start): Spark's min(struct).
            Map<String, long[]> earliest = new HashMap<>();
            for (int k = before; k < ofUser.size(); k++) {
                Pay p = ofUser.get(k);
                long start = ofUser.get(k - before).time();
                if (p.time() - start <= SuspectRules.BURST_WINDOW_SECONDS) {
                    long[] w = earliest.get(p.sessionId());
                    if (w == null || p.time() < w[0] || (p.time() == w[0] && start < w[1])) {
                        earliest.put(p.sessionId(), new long[] {p.time(), start});
                    }
                }
            }
            long user = ofUser.get(0).userId();
            earliest.forEach((session, w) -> flags.add(new Flag(user, session, SuspectRules.BURST,
                    SuspectRules.BURST_PAYS + " pays from " + clock(w[1]) + " to " + clock(w[0]))));
        }
    }

    private record PayerKey(long product, long hour, long userId) {
    }

    private record HourKey(long product, long hour) {
    }

    private record SessionKey(long userId, String sessionId) {
    }

    private static void concentration(List<Pay> pays, List<Flag> flags) {
        Map<PayerKey, Long> perPayer = new HashMap<>();
        for (Pay p : pays) {
            for (long product : p.products()) {
                perPayer.merge(new PayerKey(product, hourOf(p.time()), p.userId()), 1L, Long::sum);
            }
        }
        // Per product and hour: pays, payers, and the top payer (most pays, then the smaller id; none first as null).
        Map<HourKey, long[]> hours = new HashMap<>();
        perPayer.forEach((k, n) -> {
            long[] h = hours.computeIfAbsent(new HourKey(k.product(), k.hour()),
                    x -> new long[] {0, 0, Long.MIN_VALUE, Long.MAX_VALUE});
            h[0] += n;
            h[1]++;
            if (n > h[2] || (n == h[2] && k.userId() < h[3])) {
                h[2] = n;
                h[3] = k.userId();
            }
        });
        Map<SessionKey, TreeSet<String>> details = new HashMap<>();
        for (Pay p : pays) {
            if (p.userId() == MemoryAction.NONE) {
                continue;
            }
            for (long product : p.products()) {
                long hour = hourOf(p.time());
                long[] h = hours.get(new HourKey(product, hour));
                if (h[0] >= h[1] * SuspectRules.CONCENTRATION_RATIO && h[3] == p.userId()) {
                    details.computeIfAbsent(new SessionKey(p.userId(), p.sessionId()), k -> new TreeSet<>(Text.ORDER))
                            .add("product " + product + " at " + HOUR.format(dateTime(hour)) + ": " + h[0]
                                    + " pays by " + h[1] + " payers");
                }
            }
        }
        details.forEach((k, d) -> flags.add(new Flag(k.userId(), k.sessionId(), SuspectRules.CONCENTRATION,
                String.join("; ", d))));
    }

    private static boolean anyPayProducts(ActionRows actions) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.payProducts(i) != null) {
                return true;
            }
        }
        return false;
    }

    private static final long[] NO_PRODUCTS = new long[0];

    private static long hourOf(long time) {
        return time - Math.floorMod(time, HOUR_SECONDS);
    }

    private static String clock(long time) {
        return CLOCK.format(dateTime(time));
    }

    private static LocalDateTime dateTime(long time) {
        return LocalDateTime.ofEpochSecond(time, 0, ZoneOffset.UTC);
    }
}
