package io.shoplens.engine.audience;

import java.util.Locale;
import java.util.Objects;

/**
 * A category or a product, written {@code category:ID} or {@code product:ID}: what a tag-lift
 * target or a lapsed habit is about.
 */
public record Item(Level level, long id) {

    /** Categories and products: the two levels items are compared at. */
    public enum Level {
        CATEGORY, PRODUCT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Item {
        Objects.requireNonNull(level, "level");
    }

    /** Parses {@code category:ID} or {@code product:ID}; throws {@link IllegalArgumentException} with the reason. */
    public static Item parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length == 2) {
            try {
                long id = Long.parseLong(parts[1].trim());
                switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
                    case "category":
                        return new Item(Level.CATEGORY, id);
                    case "product":
                        return new Item(Level.PRODUCT, id);
                    default:
                        break;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("Expected category:ID or product:ID, got: " + text);
    }

    @Override
    public String toString() {
        return level.id() + ":" + id;
    }
}
