package io.shoplens.app.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.analysis.CategoryNames;

/**
 * What the filter pickers offer: distinct values in the workspace's user_info and actions.
 *
 * @param firstDate     first action date, or null when there are no actions
 * @param lastDate      last action date, or null
 * @param categoryNames the names category_info gives category ids (empty without one)
 * @param pages         the page ids the actions visit, ascending (funnel steps)
 * @param keywords      the most searched keywords, most searched first (funnel steps)
 * @param products      the most clicked product ids, most clicked first (funnel steps, habits)
 * @param productNames  the names product_info gives those products (empty without one)
 */
public record FilterChoices(List<String> professionals, List<String> cities, List<String> sexes,
                            List<Long> categories, LocalDate firstDate, LocalDate lastDate,
                            Map<Long, String> categoryNames, List<Long> pages, List<String> keywords,
                            List<Long> products, Map<Long, String> productNames) {

    public static final FilterChoices EMPTY = new FilterChoices(List.of(), List.of(), List.of(), List.of(), null, null,
            Map.of());

    /** Choices without category names. */
    public FilterChoices(List<String> professionals, List<String> cities, List<String> sexes, List<Long> categories,
                         LocalDate firstDate, LocalDate lastDate) {
        this(professionals, cities, sexes, categories, firstDate, lastDate, Map.of());
    }

    /** Choices without the funnel's pages, keywords and products. */
    public FilterChoices(List<String> professionals, List<String> cities, List<String> sexes, List<Long> categories,
                         LocalDate firstDate, LocalDate lastDate, Map<Long, String> categoryNames) {
        this(professionals, cities, sexes, categories, firstDate, lastDate, categoryNames, List.of(), List.of(),
                List.of(), Map.of());
    }

    public FilterChoices {
        professionals = List.copyOf(professionals);
        cities = List.copyOf(cities);
        sexes = List.copyOf(sexes);
        categories = List.copyOf(categories);
        categoryNames = Map.copyOf(categoryNames);
        // Choices cached before these existed have none.
        pages = pages == null ? List.of() : List.copyOf(pages);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        products = products == null ? List.of() : List.copyOf(products);
        productNames = productNames == null ? Map.of() : Map.copyOf(productNames);
    }

    /** A category as pickers offer it: "name (id)" where category_info names it, else the id. */
    public String categoryText(long category) {
        return CategoryNames.label(category, categoryNames);
    }

    /** A product as pickers offer it: "name (id)" where product_info names it, else the id. */
    public String productText(long product) {
        return CategoryNames.label(product, productNames);
    }
}
