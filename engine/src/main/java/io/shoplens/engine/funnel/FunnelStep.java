package io.shoplens.engine.funnel;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.spark.sql.Column;

import io.shoplens.engine.model.SessionColumns;

/**
 * One step of a funnel (docs/ANALYSES.md, funnel): a kind of action, narrowed to an id or a
 * keyword where the step names one. Written as {@code page:ID}, {@code search},
 * {@code search:KEYWORD}, {@code click}, {@code click:category:ID}, {@code click:product:ID},
 * {@code order}, {@code order:category:ID}, {@code pay}, {@code pay:category:ID} or
 * {@code pay:product:ID}.
 *
 * @param kind    what the action is and which of its ids the step reads
 * @param id      the id the action must hold, for the kinds that take one
 * @param keyword the keyword a search must be, for {@code search:KEYWORD}
 */
public record FunnelStep(Kind kind, Optional<Long> id, Optional<String> keyword) {

    /** The kinds of step, each with the text it is written with (before its id). */
    public enum Kind {
        PAGE("page", true),
        SEARCH("search", false),
        CLICK("click", false),
        CLICK_CATEGORY("click:category", true),
        CLICK_PRODUCT("click:product", true),
        ORDER("order", false),
        ORDER_CATEGORY("order:category", true),
        PAY("pay", false),
        PAY_CATEGORY("pay:category", true),
        PAY_PRODUCT("pay:product", true);

        private final String text;
        private final boolean takesId;

        Kind(String text, boolean takesId) {
            this.text = text;
            this.takesId = takesId;
        }

        public String text() {
            return text;
        }
    }

    private static final String FORMS = "page:ID, search, search:KEYWORD, click, click:category:ID, "
            + "click:product:ID, order, order:category:ID, pay, pay:category:ID, pay:product:ID";

    public FunnelStep {
        if (kind.takesId != id.isPresent()) {
            throw new IllegalArgumentException("a " + kind.text + " step " + (kind.takesId ? "needs" : "takes no")
                    + " id");
        }
        if (keyword.isPresent() && (kind != Kind.SEARCH || keyword.get().isBlank())) {
            throw new IllegalArgumentException("only a search step takes a keyword, and not a blank one");
        }
    }

    /** A step without an id or keyword: search, click, order or pay. */
    public static FunnelStep of(Kind kind) {
        return new FunnelStep(kind, Optional.empty(), Optional.empty());
    }

    public static FunnelStep of(Kind kind, long id) {
        return new FunnelStep(kind, Optional.of(id), Optional.empty());
    }

    public static FunnelStep search(String keyword) {
        return new FunnelStep(Kind.SEARCH, Optional.empty(), Optional.of(keyword));
    }

    /** Parses one step as written on the command line; kind words in any case, keywords as written. */
    public static FunnelStep parse(String written) {
        String text = written.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("search")) {
            return of(Kind.SEARCH);
        }
        if (lower.startsWith("search:")) {
            String keyword = text.substring("search:".length()).trim();
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("Funnel step '" + written + "' has an empty keyword");
            }
            return search(keyword);
        }
        // The longest kind first, so "click:category:3" is not read as "click" with ":category:3".
        for (Kind kind : byLongestText()) {
            if (!kind.takesId) {
                if (lower.equals(kind.text)) {
                    return of(kind);
                }
            } else if (lower.startsWith(kind.text + ":")) {
                String id = text.substring(kind.text.length() + 1).trim();
                try {
                    return of(kind, Long.parseLong(id));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Funnel step '" + written + "': '" + id + "' is not an id");
                }
            }
        }
        throw new IllegalArgumentException("Unknown funnel step '" + written + "'; use one of " + FORMS);
    }

    /** A comma list of steps, e.g. {@code search,click,order,pay}; blanks around steps are ignored. */
    public static List<FunnelStep> parseList(String written) {
        List<FunnelStep> steps = new ArrayList<>();
        for (String item : written.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("--funnel-steps '" + written + "' has an empty step");
            }
            steps.add(parse(item));
        }
        return steps;
    }

    /** The step as written in tables and on the command line, e.g. {@code click:category:3}. */
    public String definition() {
        if (id.isPresent()) {
            return kind.text + ":" + id.get();
        }
        return keyword.map(k -> kind.text + ":" + k).orElse(kind.text);
    }

    /**
     * Whether {@code action} (a struct of the session model's actions) is of this step's kind and
     * holds its id or keyword; never null. Unset ids are NULL in the model; {@code -1} and blank
     * keywords are also read as unset, for tables that were not made by the importer.
     */
    public Column matches(Column action) {
        Column matches = switch (kind) {
            case PAGE -> field(action, SessionColumns.PAGE_ID).equalTo(lit(id.get()));
            case SEARCH -> keyword.isPresent()
                    ? field(action, SessionColumns.KEYWORD).equalTo(lit(keyword.get()))
                    : isSetText(field(action, SessionColumns.KEYWORD));
            case CLICK -> isSetId(field(action, SessionColumns.CLICK_CATEGORY))
                    .or(isSetId(field(action, SessionColumns.CLICK_PRODUCT)));
            case CLICK_CATEGORY -> field(action, SessionColumns.CLICK_CATEGORY).equalTo(lit(id.get()));
            case CLICK_PRODUCT -> field(action, SessionColumns.CLICK_PRODUCT).equalTo(lit(id.get()));
            case ORDER -> field(action, SessionColumns.ORDER_CATEGORIES).isNotNull()
                    .or(field(action, SessionColumns.ORDER_PRODUCTS).isNotNull());
            case ORDER_CATEGORY -> array_contains(field(action, SessionColumns.ORDER_CATEGORIES), id.get());
            case PAY -> field(action, SessionColumns.PAY_CATEGORIES).isNotNull()
                    .or(field(action, SessionColumns.PAY_PRODUCTS).isNotNull());
            case PAY_CATEGORY -> array_contains(field(action, SessionColumns.PAY_CATEGORIES), id.get());
            case PAY_PRODUCT -> array_contains(field(action, SessionColumns.PAY_PRODUCTS), id.get());
        };
        return coalesce(matches, lit(false));
    }

    private static Column field(Column action, String name) {
        return action.getField(name);
    }

    static Column isSetId(Column id) {
        return id.isNotNull().and(id.notEqual(lit(-1L)));
    }

    static Column isSetText(Column text) {
        return text.isNotNull().and(text.notEqual(lit("")));
    }

    private static List<Kind> byLongestText() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        kinds.sort((a, b) -> Integer.compare(b.text.length(), a.text.length()));
        return kinds;
    }
}
