package io.shoplens.app.filters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.Debouncer;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;

/**
 * The window's one session filter (docs/ANALYSES.md, Conventions) as properties, which every view
 * follows: what the controls hold, the active filters as removable chips, and the filter that
 * applies ({@link #filterProperty()}), set once the inputs have been quiet for a moment and valid.
 * Beside it the bar holds the one filter of ad clicks, their provinces ({@link #adProvincesProperty()}):
 * ad clicks follow no session filter, and sessions have no province, so only the Ads view follows it.
 */
public final class FilterBarViewModel {

    /** The age slider's ends; the full range means "no age filter". */
    public static final int MIN_AGE = 0;
    public static final int MAX_AGE = 100;

    private final Messages messages;
    private final Debouncer debouncer;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final DoubleProperty ageLow = new SimpleDoubleProperty(MIN_AGE);
    private final DoubleProperty ageHigh = new SimpleDoubleProperty(MAX_AGE);
    private final StringProperty keywords = new SimpleStringProperty("");
    private final ObservableList<String> professionals = FXCollections.observableArrayList();
    private final ObservableList<String> cities = FXCollections.observableArrayList();
    private final ObservableList<String> sexes = FXCollections.observableArrayList();
    private final ObservableList<Long> categories = FXCollections.observableArrayList();
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final ObservableList<String> areas = FXCollections.observableArrayList();
    private final ObservableList<PageJump> pageJumps = FXCollections.observableArrayList();
    private final ObservableList<String> provinces = FXCollections.observableArrayList();
    private final BooleanProperty excludeSuspects = new SimpleBooleanProperty(false);
    private final ObservableList<String> professionalChoices = FXCollections.observableArrayList();
    private final ObservableList<String> cityChoices = FXCollections.observableArrayList();
    private final ObservableList<String> sexChoices = FXCollections.observableArrayList();
    private final ObservableList<Long> categoryChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Long, String>> categoryNames = new SimpleObjectProperty<>(Map.of());
    private final ObservableList<FilterChip> chips = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SessionFilter> filter = new ReadOnlyObjectWrapper<>(SessionFilter.NONE);
    private final ReadOnlyObjectWrapper<List<String>> adProvinces = new ReadOnlyObjectWrapper<>(List.of());
    private final StringBinding validationError;

    public FilterBarViewModel(Messages messages, Debouncer debouncer) {
        this.messages = messages;
        this.debouncer = debouncer;
        List<Observable> inputs = List.of(from, to, ageLow, ageHigh, keywords, professionals, cities, sexes,
                categories, channels, areas, pageJumps, provinces, excludeSuspects, categoryNames);
        validationError = Bindings.createStringBinding(() -> validate().orElse(""), inputs.toArray(Observable[]::new));
        inputs.forEach(input -> input.addListener(x -> changed()));
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public DoubleProperty ageLowProperty() {
        return ageLow;
    }

    public DoubleProperty ageHighProperty() {
        return ageHigh;
    }

    /** Comma-separated search keywords. */
    public StringProperty keywordsProperty() {
        return keywords;
    }

    /** Selected values (the bar binds its pickers to these). */
    public ObservableList<String> professionals() {
        return professionals;
    }

    public ObservableList<String> cities() {
        return cities;
    }

    public ObservableList<String> sexes() {
        return sexes;
    }

    public ObservableList<Long> categories() {
        return categories;
    }

    /** Sessions' channels, set by "filter everything by this" on a GMV channel (no picker: the values are GMV's). */
    public ObservableList<String> channels() {
        return channels;
    }

    /** Sessions' areas, set by "filter everything by this" on an area. */
    public ObservableList<String> areas() {
        return areas;
    }

    /** Sessions that made one of these page jumps, set by "filter everything by this" in the Pages view. */
    public ObservableList<PageJump> pageJumps() {
        return pageJumps;
    }

    /** Ad clicks' provinces, set by "filter everything by this" in the Ads view; not a session filter. */
    public ObservableList<String> provinces() {
        return provinces;
    }

    /** Leave out every session of the fake-order suspect users (docs/ANALYSES.md, audience). */
    public BooleanProperty excludeSuspectsProperty() {
        return excludeSuspects;
    }

    /** Values offered, from the workspace. */
    public ObservableList<String> professionalChoices() {
        return professionalChoices;
    }

    public ObservableList<String> cityChoices() {
        return cityChoices;
    }

    public ObservableList<String> sexChoices() {
        return sexChoices;
    }

    public ObservableList<Long> categoryChoices() {
        return categoryChoices;
    }

    /** category_info's names of the category ids (empty without one). */
    public ObjectProperty<Map<Long, String>> categoryNamesProperty() {
        return categoryNames;
    }

    /** The category as people know it: its name where the workspace has one, else its id. */
    public String categoryLabel(long category) {
        String name = categoryNames.get().get(category);
        return name == null || name.isBlank() ? String.valueOf(category) : name;
    }

    /** The active filters, one chip per value, in the bar's order. */
    public ObservableList<FilterChip> chips() {
        return chips;
    }

    /** The first problem with the inputs, or "" (the filter that applies then stays as it was). */
    public StringBinding validationErrorProperty() {
        return validationError;
    }

    /** The filter every view follows: the inputs', once valid and quiet for a moment. */
    public ReadOnlyObjectProperty<SessionFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** The provinces the Ads view counts (none: all), applied with {@link #filterProperty()}. */
    public ReadOnlyObjectProperty<List<String>> adProvincesProperty() {
        return adProvinces.getReadOnlyProperty();
    }

    /** Offers the workspace's values; keeps selections that are still offered. */
    public void applyChoices(FilterChoices choices) {
        categoryNames.set(choices.categoryNames());
        replace(professionalChoices, professionals, choices.professionals());
        replace(cityChoices, cities, choices.cities());
        replace(sexChoices, sexes, choices.sexes());
        replace(categoryChoices, categories, choices.categories());
    }

    /** "Filter everything by this": adds the clicked value to the filter (an age group sets the age range). */
    public void add(FilterLink link) {
        switch (link.dimension()) {
            case CATEGORY -> addOnce(categories, Long.parseLong(link.value()));
            case PROFESSIONAL -> addOnce(professionals, link.value());
            case SEX -> addOnce(sexes, link.value());
            case USER_CITY -> addOnce(cities, link.value());
            case CHANNEL -> addOnce(channels, link.value());
            case AREA -> addOnce(areas, link.value());
            case PAGE_JUMP -> addOnce(pageJumps, PageJump.parse(link.value()));
            case PROVINCE -> addOnce(provinces, link.value());
            case AGE_GROUP -> AgeGroups.range(link.value()).ifPresent(range -> {
                ageHigh.set(MAX_AGE);
                ageLow.set(range[0]);
                ageHigh.set(range[1]);
            });
            case KEYWORD -> {
                if (!keywordList().contains(link.value())) {
                    List<String> words = new ArrayList<>(keywordList());
                    words.add(link.value());
                    keywords.set(String.join(", ", words));
                }
            }
        }
    }

    /** Removes every filter. */
    public void clear() {
        from.set(null);
        to.set(null);
        ageLow.set(MIN_AGE);
        ageHigh.set(MAX_AGE);
        keywords.set("");
        professionals.clear();
        cities.clear();
        sexes.clear();
        categories.clear();
        channels.clear();
        areas.clear();
        pageJumps.clear();
        provinces.clear();
        excludeSuspects.set(false);
    }

    /**
     * Shows {@code shown} in the inputs and makes it the window's filter at once, not after the
     * quiet period: a reopened window takes the filter of its last run before any view asks
     * whether its result is fresh. The ad provinces stay as they are: a session filter has none.
     */
    public void restore(SessionFilter shown) {
        from.set(shown.from().orElse(null));
        to.set(shown.to().orElse(null));
        ageLow.set(shown.minAge().orElse(MIN_AGE));
        ageHigh.set(shown.maxAge().orElse(MAX_AGE));
        keywords.set(String.join(", ", shown.keywords()));
        professionals.setAll(shown.professionals());
        cities.setAll(shown.cities());
        sexes.setAll(shown.sexes());
        categories.setAll(shown.categories());
        channels.setAll(shown.channels());
        areas.setAll(shown.areas());
        pageJumps.setAll(shown.pageJumps());
        excludeSuspects.set(shown.excludeSuspects());
        apply();
    }

    /**
     * Shows {@code last}, the provinces of the Ads view's last run, and makes them the ad clicks'
     * filter at once, as {@link #restore} does for the session filter: a reopened Ads view then
     * finds its result fresh instead of counting every province again.
     */
    public void restoreProvinces(List<String> last) {
        provinces.setAll(last);
        apply();
    }

    /** The filter the inputs describe now, valid or not (the chips show it at once). */
    public SessionFilter currentFilter() {
        int low = (int) Math.round(ageLow.get());
        int high = (int) Math.round(ageHigh.get());
        SessionFilter current = SessionFilter.NONE.withDates(from.get(), to.get());
        if (low > MIN_AGE || high < MAX_AGE) {
            // The slider's ends mean "no bound": 55+ is everyone from 55, not 55 to 100.
            current = current.withAges(low > MIN_AGE ? low : null, high < MAX_AGE ? high : null);
        }
        return current.withProfessionals(List.copyOf(professionals))
                .withCities(List.copyOf(cities))
                .withSexes(List.copyOf(sexes))
                .withKeywords(keywordList())
                .withCategories(List.copyOf(categories))
                .withChannels(List.copyOf(channels))
                .withAreas(List.copyOf(areas))
                .withPageJumps(List.copyOf(pageJumps))
                .withExcludeSuspects(excludeSuspects.get());
    }

    private Optional<String> validate() {
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            return Optional.of(messages.get("validation.dates"));
        }
        if (ageLow.get() > ageHigh.get()) {
            return Optional.of(messages.get("validation.ages"));
        }
        return Optional.empty();
    }

    private void changed() {
        chips.setAll(chipsOf());
        debouncer.schedule(this::apply);
    }

    private void apply() {
        if (validate().isEmpty()) {
            SessionFilter next = currentFilter();
            if (!next.equals(filter.get())) {
                filter.set(next);
            }
            if (!provinces.equals(adProvinces.get())) {
                adProvinces.set(List.copyOf(provinces));
            }
        }
    }

    private List<FilterChip> chipsOf() {
        List<FilterChip> list = new ArrayList<>();
        if (from.get() != null || to.get() != null) {
            String text = from.get() != null && to.get() != null ? messages.get("chip.dates", from.get(), to.get())
                    : from.get() != null ? messages.get("chip.from", from.get()) : messages.get("chip.to", to.get());
            list.add(new FilterChip("chip-dates", text, () -> {
                from.set(null);
                to.set(null);
            }));
        }
        long low = Math.round(ageLow.get());
        long high = Math.round(ageHigh.get());
        if (low > MIN_AGE || high < MAX_AGE) {
            String text = high >= MAX_AGE ? messages.get("chip.agesFrom", low)
                    : low <= MIN_AGE ? messages.get("chip.agesTo", high) : messages.get("chip.ages", low, high);
            list.add(new FilterChip("chip-ages", text, () -> {
                ageLow.set(MIN_AGE);
                ageHigh.set(MAX_AGE);
            }));
        }
        for (String value : List.copyOf(professionals)) {
            list.add(new FilterChip("chip-professional-" + value, messages.get("chip.professional", value),
                    () -> professionals.remove(value)));
        }
        for (String value : List.copyOf(cities)) {
            list.add(new FilterChip("chip-city-" + value, messages.get("chip.city", value), () -> cities.remove(value)));
        }
        for (String value : List.copyOf(sexes)) {
            list.add(new FilterChip("chip-sex-" + value, messages.get("chip.sex", value), () -> sexes.remove(value)));
        }
        for (String word : keywordList()) {
            list.add(new FilterChip("chip-keyword-" + word, messages.get("chip.keyword", word), () -> {
                List<String> rest = new ArrayList<>(keywordList());
                rest.remove(word);
                keywords.set(String.join(", ", rest));
            }));
        }
        for (Long category : List.copyOf(categories)) {
            list.add(new FilterChip("chip-category-" + category, messages.get("chip.category", categoryLabel(category)),
                    () -> categories.remove(category)));
        }
        for (String channel : List.copyOf(channels)) {
            list.add(new FilterChip("chip-channel-" + channel, messages.get("chip.channel", channel),
                    () -> channels.remove(channel)));
        }
        for (String area : List.copyOf(areas)) {
            list.add(new FilterChip("chip-area-" + area, messages.get("chip.area", area), () -> areas.remove(area)));
        }
        for (PageJump jump : List.copyOf(pageJumps)) {
            String text = messages.get("chip.pageJump", String.valueOf(jump.from()), String.valueOf(jump.to()));
            list.add(new FilterChip("chip-jump-" + jump.text(), text, () -> pageJumps.remove(jump)));
        }
        for (String province : List.copyOf(provinces)) {
            list.add(new FilterChip("chip-province-" + province, messages.get("chip.province", province),
                    () -> provinces.remove(province), messages.get("chip.province.tooltip", province)));
        }
        if (excludeSuspects.get()) {
            list.add(new FilterChip("chip-suspects", messages.get("chip.excludeSuspects"),
                    () -> excludeSuspects.set(false)));
        }
        return list;
    }

    private List<String> keywordList() {
        return Arrays.stream(keywords.get() == null ? new String[0] : keywords.get().split("[,，]"))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static <T> void addOnce(ObservableList<T> selected, T value) {
        if (!selected.contains(value)) {
            selected.add(value);
        }
    }

    private static <T> void replace(ObservableList<T> offered, ObservableList<T> selected, List<T> values) {
        offered.setAll(values);
        selected.retainAll(values);
    }
}
