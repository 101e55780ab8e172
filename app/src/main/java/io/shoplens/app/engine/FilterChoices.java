package io.shoplens.app.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * What the filter pickers offer: distinct values in the workspace's user_info and actions.
 *
 * @param firstDate first action date, or null when there are no actions
 * @param lastDate  last action date, or null
 */
public record FilterChoices(List<String> professionals, List<String> cities, List<String> sexes,
                            List<Long> categories, LocalDate firstDate, LocalDate lastDate) {

    public static final FilterChoices EMPTY = new FilterChoices(List.of(), List.of(), List.of(), List.of(), null, null);

    public FilterChoices {
        professionals = List.copyOf(professionals);
        cities = List.copyOf(cities);
        sexes = List.copyOf(sexes);
        categories = List.copyOf(categories);
    }
}
