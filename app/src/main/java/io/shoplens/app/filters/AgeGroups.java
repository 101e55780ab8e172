package io.shoplens.app.filters;

import java.util.Map;
import java.util.Optional;

/**
 * The GMV breakdown's age groups (docs/ANALYSES.md, gmv) as the inclusive age ranges the session
 * filter takes; {@code unknown} (no user_info row or no age) has none.
 */
public final class AgeGroups {

    private static final Map<String, int[]> RANGES = Map.of(
            "<18", new int[] {FilterBarViewModel.MIN_AGE, 17},
            "18-24", new int[] {18, 24},
            "25-34", new int[] {25, 34},
            "35-44", new int[] {35, 44},
            "45-54", new int[] {45, 54},
            "55+", new int[] {55, FilterBarViewModel.MAX_AGE});

    private AgeGroups() {
    }

    /** {@code [low, high]} of the group, or empty for {@code unknown} and anything else. */
    public static Optional<int[]> range(String group) {
        int[] range = RANGES.get(group);
        return range == null ? Optional.empty() : Optional.of(range.clone());
    }
}
