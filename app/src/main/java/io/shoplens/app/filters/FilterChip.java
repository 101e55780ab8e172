package io.shoplens.app.filters;

import java.util.Objects;

/**
 * One active filter as the bar shows it: a short text ("Sex: female") and what removing it does.
 *
 * @param id      stable per filter value (UI tests find the chip by it), e.g. {@code chip-category-8}
 * @param remove  clears just this filter value
 * @param tooltip more than the text can say (what the filter applies to), or null
 */
public record FilterChip(String id, String text, Runnable remove, String tooltip) {

    public FilterChip {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        Objects.requireNonNull(remove);
    }

    /** A chip whose text says it all. */
    public FilterChip(String id, String text, Runnable remove) {
        this(id, text, remove, null);
    }
}
