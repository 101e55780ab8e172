package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.shoplens.engine.funnel.FunnelCounts;
import io.shoplens.engine.funnel.FunnelDimension;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.funnel.FunnelUnit;
import io.shoplens.engine.gmv.GmvAnalysis;

/**
 * What the funnel's tables count, counted unit by unit in memory into the {@link FunnelCounts}
 * the Spark funnel's {@code FunnelFacts} collects: per unit that reached step 1, its level and
 * breakdown value, its time to each step it reached, its signals with whether it reached the last
 * step, and, when it dropped off, its id.
 */
final class FunnelFactCounts {

    private final FunnelParams params;
    private final Map<Long, MemoryModel.City> cities;
    private final int n;
    private final Map<String, long[]> levels = new HashMap<>();
    private final Map<Integer, TreeMap<Long, Long>> times = new HashMap<>();
    private final Map<String, long[]> signals = new HashMap<>();
    private final List<FunnelCounts.Drop> drops = new ArrayList<>();

    FunnelFactCounts(FunnelParams params, Map<Long, MemoryModel.City> cities) {
        this.params = params;
        this.cities = cities;
        this.n = params.steps().size();
    }

    /** Counts the facts of {@code unit}, whose reported attempt matched {@code places}. */
    void add(FunnelPath unit, int[] places) {
        int level = FunnelAttempts.level(places);
        if (level == 0) {
            return; // a unit that never reached step 1 gives no facts
        }
        ActionRows path = unit.actions();
        levels.computeIfAbsent(breakdownValue(unit, places), v -> new long[n + 1])[level]++;
        for (int k = 1; k < level; k++) {
            // Seconds between the two actions: in any order a step may come before the one it follows.
            long seconds = Math.abs(path.time(places[k]) - path.time(places[k - 1]));
            times.computeIfAbsent(k + 1, s -> new TreeMap<>()).merge(seconds, 1L, Long::sum);
        }
        if (level < n) {
            drops.add(new FunnelCounts.Drop(level, unit.unitId()));
        }
        int reachedLast = level == n ? 1 : 0;
        signal("sex:" + orUnknown(unit.sex(), GmvAnalysis.UNKNOWN), reachedLast);
        signal("professional:" + orUnknown(unit.professional(), GmvAnalysis.UNKNOWN), reachedLast);
        signal("age_group:" + MemoryGmvAnalysis.ageGroup(unit.age()), reachedLast);
        signal("channel:" + orUnknown(path.channel(0), GmvAnalysis.UNKNOWN), reachedLast);
        // The pages, keywords and clicked categories of the actions before the attempt's last
        // matched one, each once per unit.
        Set<String> seen = new HashSet<>();
        int last = lastPlace(places);
        for (int i = 0; i < last; i++) {
            long page = path.pageId(i);
            if (page != MemoryAction.NONE) {
                seen.add(FunnelCounts.pageSignal(page));
            }
            String keyword = path.keyword(i);
            if (keyword != null && !keyword.isEmpty()) {
                seen.add(FunnelCounts.keywordSignal(keyword));
            }
            long category = path.clickCategory(i);
            if (MemoryAction.isSet(category)) {
                seen.add(FunnelCounts.categorySignal(category));
            }
        }
        seen.forEach(s -> signal(s, reachedLast));
    }

    FunnelCounts counts() {
        return new FunnelCounts(n, levels, times, signals, drops);
    }

    private void signal(String name, int reachedLast) {
        signals.computeIfAbsent(name, s -> new long[2])[reachedLast]++;
    }

    /** The unit's breakdown value, null without a breakdown. */
    private String breakdownValue(FunnelPath unit, int[] places) {
        if (params.breakdown().isEmpty()) {
            return null;
        }
        FunnelDimension dimension = params.breakdown().get();
        return switch (dimension) {
            case SEX -> orUnknown(unit.sex(), GmvAnalysis.UNKNOWN);
            case PROFESSIONAL -> orUnknown(unit.professional(), GmvAnalysis.UNKNOWN);
            case AGE_GROUP -> MemoryGmvAnalysis.ageGroup(unit.age());
            case CHANNEL, KEYWORD, AREA -> attributedValue(dimension, unit, places);
        };
    }

    /** The value of the action {@code --attribution} names; {@code (none)} when the attempt has no such action. */
    private String attributedValue(FunnelDimension dimension, FunnelPath unit, int[] places) {
        int place = attributedPlace(places);
        if (place == FunnelAttempts.NONE) {
            return FunnelCounts.NO_VALUE;
        }
        ActionRows path = unit.actions();
        if (dimension == FunnelDimension.CHANNEL) {
            return orUnknown(path.channel(place), GmvAnalysis.UNKNOWN);
        }
        if (dimension == FunnelDimension.KEYWORD) {
            return orUnknown(path.keyword(place), FunnelCounts.NO_VALUE);
        }
        // The area of the action's city, the city's smallest row as the model keeps it.
        long cityId = path.cityId(place);
        MemoryModel.City city = cityId == MemoryAction.NONE ? null : cities.get(cityId);
        return orUnknown(city == null ? null : city.area(), GmvAnalysis.UNKNOWN_PLACE);
    }

    /** The place of the action {@code --attribution} reads, {@link FunnelAttempts#NONE} when the attempt has none. */
    private int attributedPlace(int[] places) {
        return switch (params.attribution().touch()) {
            case FIRST_TOUCH -> places[0];
            case LAST_TOUCH -> lastPlace(places);
            case STEP -> places[params.attribution().step() - 1];
        };
    }

    /** The latest action the attempt matched: in any order a later step may have matched an earlier action. */
    private static int lastPlace(int[] places) {
        int last = FunnelAttempts.NONE;
        for (int p : places) {
            last = Math.max(last, p);
        }
        return last;
    }

    /**
     * A missing or blank value as {@code unknown}, as the Spark funnel names it. Blank as Spark's
     * {@code trim} sees it: only spaces are trimmed, not tabs or other control characters.
     */
    static String orUnknown(String value, String unknown) {
        if (value == null) {
            return unknown;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != ' ') {
                return value;
            }
        }
        return unknown;
    }
}
