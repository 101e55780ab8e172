package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * Per step k (index k-1, from step 2), the seconds to convert into it numbered, and units per
     * number: counted into arrays, not a {@code TreeMap<Long, Long>} per unit and step, and made
     * into {@link FunnelCounts#times} once at the end.
     */
    private final LongSlots[] seconds;
    private final long[][] unitsBySeconds;
    /**
     * The signals, each kind counted by what it is read from (a user's sex, a page id, ...) and
     * named only once at the end: naming them per unit made a string per action and hashed it.
     */
    private final ValueTally<String> bySex = new ValueTally<>();
    private final ValueTally<String> byProfessional = new ValueTally<>();
    private final ValueTally<Integer> byAge = new ValueTally<>();
    private final ValueTally<String> byChannel = new ValueTally<>();
    private final LongSlots pages = new LongSlots();
    private final UnitTally pageUnits = new UnitTally();
    private final Map<String, Integer> keywords = new HashMap<>();
    private final UnitTally keywordUnits = new UnitTally();
    private final LongSlots categories = new LongSlots();
    private final UnitTally categoryUnits = new UnitTally();
    /** The units counted so far; a unit's number tells the tallies which units they have counted. */
    private int units;
    private final List<FunnelCounts.Drop> drops = new ArrayList<>();

    FunnelFactCounts(FunnelParams params, Map<Long, MemoryModel.City> cities) {
        this.params = params;
        this.cities = cities;
        this.n = params.steps().size();
        this.seconds = new LongSlots[Math.max(0, n - 1)];
        this.unitsBySeconds = new long[Math.max(0, n - 1)][];
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
            countSeconds(k - 1, Math.abs(path.time(places[k]) - path.time(places[k - 1])));
        }
        if (level < n) {
            drops.add(new FunnelCounts.Drop(level, unit.unitId()));
        }
        int reachedLast = level == n ? 1 : 0;
        int number = ++units;
        bySex.count(unit.sex(), reachedLast);
        byProfessional.count(unit.professional(), reachedLast);
        byAge.count(unit.age(), reachedLast);
        byChannel.count(path.channel(0), reachedLast);
        // The pages, keywords and clicked categories of the actions before the attempt's last
        // matched one, each once per unit.
        int last = lastPlace(places);
        for (int i = 0; i < last; i++) {
            long page = path.pageId(i);
            if (page != MemoryAction.NONE) {
                pageUnits.count(pages.slotOf(page), number, reachedLast);
            }
            String keyword = path.keyword(i);
            if (keyword != null && !keyword.isEmpty()) {
                Integer slot = keywords.get(keyword);
                if (slot == null) {
                    slot = keywords.size();
                    keywords.put(keyword, slot);
                }
                keywordUnits.count(slot, number, reachedLast);
            }
            long category = path.clickCategory(i);
            if (MemoryAction.isSet(category)) {
                categoryUnits.count(categories.slotOf(category), number, reachedLast);
            }
        }
    }

    FunnelCounts counts() {
        Map<Integer, TreeMap<Long, Long>> times = new HashMap<>();
        for (int k = 0; k < seconds.length; k++) {
            if (seconds[k] != null) {
                TreeMap<Long, Long> perStep = new TreeMap<>();
                for (int slot = 0; slot < seconds[k].size(); slot++) {
                    perStep.put(seconds[k].key(slot), unitsBySeconds[k][slot]);
                }
                times.put(k + 2, perStep);
            }
        }
        // Values that name one signal (null, blank: unknown) add up under it.
        Map<String, long[]> signals = new HashMap<>();
        bySex.forEach((v, c) -> addSignal(signals, "sex:" + orUnknown(v, GmvAnalysis.UNKNOWN), c));
        byProfessional.forEach((v, c) -> addSignal(signals,
                "professional:" + orUnknown(v, GmvAnalysis.UNKNOWN), c));
        byAge.forEach((v, c) -> addSignal(signals, "age_group:" + MemoryGmvAnalysis.ageGroup(v), c));
        byChannel.forEach((v, c) -> addSignal(signals, "channel:" + orUnknown(v, GmvAnalysis.UNKNOWN), c));
        for (int slot = 0; slot < pages.size(); slot++) {
            addSignal(signals, FunnelCounts.pageSignal(pages.key(slot)), pageUnits.of(slot));
        }
        keywords.forEach((keyword, slot) -> addSignal(signals, FunnelCounts.keywordSignal(keyword),
                keywordUnits.of(slot)));
        for (int slot = 0; slot < categories.size(); slot++) {
            addSignal(signals, FunnelCounts.categorySignal(categories.key(slot)), categoryUnits.of(slot));
        }
        return new FunnelCounts(n, levels, times, signals, drops);
    }

    private void countSeconds(int index, long value) {
        if (seconds[index] == null) {
            seconds[index] = new LongSlots();
            unitsBySeconds[index] = new long[16];
        }
        int slot = seconds[index].slotOf(value);
        if (slot == unitsBySeconds[index].length) {
            unitsBySeconds[index] = Arrays.copyOf(unitsBySeconds[index], slot * 2);
        }
        unitsBySeconds[index][slot]++;
    }

    private static void addSignal(Map<String, long[]> signals, String name, long[] units) {
        long[] sum = signals.computeIfAbsent(name, s -> new long[2]);
        sum[0] += units[0];
        sum[1] += units[1];
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
