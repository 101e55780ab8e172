package io.shoplens.engine.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Row;

/**
 * category_info's names of category ids (empty without one), which tables and reports show beside
 * the ids. A small reference table: the workspace keeps one row per id.
 */
public final class CategoryNames {

    /** Audience tags and items that name a category by id: likes:5, bought:5, category:5. */
    private static final Pattern CATEGORY_TAG = Pattern.compile("(likes|bought|category):(\\d{1,18})");

    private CategoryNames() {
    }

    public static Map<Long, String> of(LogTables tables) {
        Map<Long, String> names = new HashMap<>();
        for (Row r : tables.categories().select(col("category_id"), col("category_name"))
                .where(col("category_id").isNotNull().and(col("category_name").isNotNull())).collectAsList()) {
            if (!r.getString(1).isBlank()) {
                names.put(r.getLong(0), r.getString(1));
            }
        }
        return Map.copyOf(names);
    }

    /**
     * "name (id)" where {@code names} has one, else the id as it is: the one form in which tables,
     * reports and pickers show a named id, a category's or a product's.
     */
    public static String label(Object id, Map<Long, String> names) {
        String name = id instanceof Number n ? names.get(n.longValue()) : null;
        return name == null || name.isBlank() ? String.valueOf(id) : name + " (" + id + ")";
    }

    /** The id in a {@link #label}, e.g. "家电 (15)" → "15"; text that is no such label comes back as it is. */
    public static String idOf(String label) {
        int open = label.lastIndexOf('(');
        if (open >= 0 && label.endsWith(")")) {
            return label.substring(open + 1, label.length() - 1).trim();
        }
        return label;
    }

    /**
     * An audience tag or item with its category's name: "likes:咖啡 (5)" for likes:5 where
     * {@code names} has 5; every other tag as it is. Exports keep the bare tag, which is the key.
     */
    public static String tagLabel(Object tag, Map<Long, String> names) {
        String text = String.valueOf(tag);
        Matcher m = CATEGORY_TAG.matcher(text);
        return m.matches() ? m.group(1) + ":" + label(Long.parseLong(m.group(2)), names) : text;
    }

    /** {@link #tagLabel} of each tag in a list joined by {@code separator} (look-alikes' matched tags). */
    public static String tagsLabel(Object tags, String separator, Map<Long, String> names) {
        String text = String.valueOf(tags);
        if (text.isEmpty()) {
            return text;
        }
        StringJoiner out = new StringJoiner(separator);
        for (String tag : text.split(Pattern.quote(separator), -1)) {
            out.add(tagLabel(tag, names));
        }
        return out.toString();
    }
}
