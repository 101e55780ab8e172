package io.shoplens.app.filters;

import java.util.Objects;

/**
 * One active filter as the bar shows it: a short text ("Sex: female") and what removing it does.
 *
 * @param id     stable per filter value (UI tests find the chip by it), e.g. {@code chip-category-8}
 * @param remove clears just this filter value
 */
public record FilterChip(String id, String text, Runnable remove) {

    public FilterChip {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        Objects.requireNonNull(remove);
    }
}
