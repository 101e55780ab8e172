package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.memory.MemoryAction;

/**
 * {@link LapsedBuyers} over in-memory period actions: lapsed_substitutes and lapsed_summary as
 * the Spark form gives them. Where Spark groups by a user that is null (actions of sessions
 * without a user), so does this: such a "user" can be a habit buyer, is always lapsed (a null
 * joins no current payer) and switches to nothing, and counts once among the active users and an
 * item's payers, as Spark's {@code distinct} counts a null.
 */
final class MemoryLapsedBuyers {

    private MemoryLapsedBuyers() {
    }

    /** A pay action's item at one level; a pay counts once per item it holds. */
    private record PayItem(long userId, int date, boolean inBase, boolean inCurrent, Item item) {
    }

    /**
     * lapsed_substitutes and lapsed_summary for the habits {@code params.lapsed()} names, else the
     * base period's top categories, as {@code LapsedBuyers.tables(spark, habitsOf(...), ...)}.
     */
    static List<ResultTable> tables(MemoryPeriodActions actions, AudienceParams params) {
        List<PayItem> pays = payItems(actions);
        List<Item> habits = habitsOf(params.lapsed(), pays);
        int habitDays = params.habitDays();

        Set<Item> studied = new HashSet<>(habits);
        // item -> user -> distinct base pay dates
        Map<Item, Map<Long, Set<Integer>>> baseDays = new HashMap<>();
        // item -> users paying it in the current period
        Map<Item, Set<Long>> currentPayers = new HashMap<>();
        // (user, level) -> the current pay items at that level, one per pay and item
        Map<List<Object>, List<Long>> currentPays = new HashMap<>();
        Set<Long> activeNow = new HashSet<>();
        for (PayItem p : pays) {
            if (p.inBase() && studied.contains(p.item())) {
                baseDays.computeIfAbsent(p.item(), i -> new HashMap<>())
                        .computeIfAbsent(p.userId(), u -> new HashSet<>()).add(p.date());
            }
            if (p.inCurrent()) {
                currentPayers.computeIfAbsent(p.item(), i -> new HashSet<>()).add(p.userId());
                currentPays.computeIfAbsent(List.of(p.userId(), p.item().level()), k -> new ArrayList<>())
                        .add(p.item().id());
            }
        }
        for (int u = 0; u < actions.users().count(); u++) {
            if (actions.userInCurrent(u)) {
                activeNow.add(actions.users().id(u));
            }
        }

        List<List<Object>> summary = new ArrayList<>();
        List<List<Object>> substitutes = new ArrayList<>();
        for (Item habit : habits) {
            List<Long> habitBuyers = new ArrayList<>();
            baseDays.getOrDefault(habit, Map.of()).forEach((user, days) -> {
                if (days.size() >= habitDays) {
                    habitBuyers.add(user);
                }
            });
            Set<Long> payingNow = currentPayers.getOrDefault(habit, Set.of());
            // A user without an id never matches a current payer, as a null never joins.
            List<Long> lapsed = habitBuyers.stream()
                    .filter(u -> u == MemoryAction.NONE || !payingNow.contains(u)).toList();
            long habitCount = habitBuyers.size();
            long lapsedCount = lapsed.size();
            summary.add(Arrays.asList(habit.toString(), habitCount, lapsedCount, ratio(lapsedCount, habitCount)));

            // substitute -> {pays, buyers}
            Map<Long, long[]> switched = new HashMap<>();
            for (long user : lapsed) {
                if (user == MemoryAction.NONE) {
                    continue;
                }
                List<Long> bought = currentPays.getOrDefault(List.of(user, habit.level()), List.of());
                Set<Long> seen = new HashSet<>();
                for (long substitute : bought) {
                    long[] v = switched.computeIfAbsent(substitute, s -> new long[2]);
                    v[0]++;
                    if (seen.add(substitute)) {
                        v[1]++;
                    }
                }
            }
            List<Map.Entry<Long, long[]>> ranked = new ArrayList<>(switched.entrySet());
            ranked.sort(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[0])
                    .thenComparingLong(Map.Entry::getKey));
            for (int i = 0; i < Math.min(LapsedBuyers.TOP, ranked.size()); i++) {
                long substitute = ranked.get(i).getKey();
                long[] v = ranked.get(i).getValue();
                Double share = ratio(v[1], lapsedCount);
                Double payerShare = ratio(currentPayers.get(new Item(habit.level(), substitute)).size(),
                        activeNow.size());
                substitutes.add(Arrays.asList(habit.toString(), (long) i + 1,
                        habit.level().id() + ":" + substitute, v[1], v[0], share,
                        share == null || payerShare == null ? null : share / payerShare));
            }
        }
        return List.of(new ResultTable(LapsedBuyers.SUBSTITUTES, LapsedBuyers.SUBSTITUTE_COLUMNS, substitutes),
                new ResultTable(LapsedBuyers.SUMMARY, LapsedBuyers.SUMMARY_COLUMNS, summary));
    }

    /** As {@link LapsedBuyers#habitsOf}: the given items without repeats, else the base's top categories. */
    private static List<Item> habitsOf(List<Item> given, List<PayItem> pays) {
        if (!given.isEmpty()) {
            return LapsedBuyers.withoutRepeats(given);
        }
        Map<Long, Long> perCategory = new HashMap<>();
        for (PayItem p : pays) {
            if (p.inBase() && p.item().level() == Item.Level.CATEGORY) {
                perCategory.merge(p.item().id(), 1L, Long::sum);
            }
        }
        return perCategory.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, Long>>comparingLong(e -> -e.getValue())
                        .thenComparingLong(Map.Entry::getKey))
                .limit(LapsedBuyers.DEFAULT_HABITS)
                .map(e -> new Item(Item.Level.CATEGORY, e.getKey()))
                .toList();
    }

    private static List<PayItem> payItems(MemoryPeriodActions actions) {
        List<PayItem> pays = new ArrayList<>();
        for (int p = 0; p < actions.pays(); p++) {
            add(pays, actions, p, Item.Level.CATEGORY, actions.payCategories(p));
            add(pays, actions, p, Item.Level.PRODUCT, actions.payProducts(p));
        }
        return pays;
    }

    private static void add(List<PayItem> pays, MemoryPeriodActions actions, int pay, Item.Level level, long[] ids) {
        if (ids != null) {
            int a = actions.payAction(pay);
            long user = actions.users().id(actions.payUser(pay));
            for (long id : ids) {
                pays.add(new PayItem(user, actions.date(a), actions.inBase(a), actions.inCurrent(a), new Item(level, id)));
            }
        }
    }

    /** numerator / denominator as doubles, as Spark divides them; null when the denominator is 0. */
    private static Double ratio(long numerator, long denominator) {
        return denominator > 0 ? (double) numerator / (double) denominator : null;
    }
}
