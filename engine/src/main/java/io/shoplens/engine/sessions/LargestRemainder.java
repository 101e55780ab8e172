package io.shoplens.engine.sessions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a sample over strata in proportion to their sizes by the largest remainder (Hamilton)
 * method: every stratum gets the floor of its exact share, and the seats left over go to the
 * largest remainders, ties to the earlier stratum, so the quotas add up to the sample size (or to
 * the population when it is smaller). Exact integer arithmetic, so no rounding can move a seat.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param sizes  stratum sizes in stratum order (the order that breaks remainder ties)
     * @param sample wanted sample size, at least 0
     * @return the quota of every stratum, in the same order
     */
    public static <K> LinkedHashMap<K, Long> quotas(LinkedHashMap<K, Long> sizes, long sample) {
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be at least 0: " + sample);
        }
        long population = sizes.values().stream().mapToLong(Long::longValue).sum();
        long seats = Math.min(sample, population);
        LinkedHashMap<K, Long> quotas = new LinkedHashMap<>();
        List<Share<K>> shares = new ArrayList<>();
        long given = 0;
        int position = 0;
        for (Map.Entry<K, Long> stratum : sizes.entrySet()) {
            if (stratum.getValue() < 0) {
                throw new IllegalArgumentException("negative stratum size: " + stratum);
            }
            long whole = population == 0 ? 0 : Math.multiplyExact(seats, stratum.getValue()) / population;
            long remainder = population == 0 ? 0 : Math.multiplyExact(seats, stratum.getValue()) % population;
            quotas.put(stratum.getKey(), whole);
            shares.add(new Share<>(stratum.getKey(), remainder, position++));
            given += whole;
        }
        shares.sort(Comparator.comparingLong((Share<K> s) -> s.remainder).reversed()
                .thenComparingInt(s -> s.position));
        // Fewer seats are left than strata with a positive remainder, so each gets at most one.
        for (int i = 0; i < seats - given; i++) {
            quotas.merge(shares.get(i).key, 1L, Long::sum);
        }
        return quotas;
    }

    private record Share<K>(K key, long remainder, int position) {
    }
}
