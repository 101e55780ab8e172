package io.shoplens.engine.funnel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The funnel's options that name an enum value: its lower-case name, read in any case. */
final class EnumOptions {

    private EnumOptions() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(v -> v.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
