package io.shoplens.app.analysis;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.engine.analysis.SessionFilter;

/** The session filters of docs/ANALYSES.md as properties, and the {@link SessionFilter} they make. */
public final class FilterViewModel {

    /** The age slider's ends; the full range means "no age filter". */
    public static final int MIN_AGE = 0;
    public static final int MAX_AGE = 100;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final DoubleProperty ageLow = new SimpleDoubleProperty(MIN_AGE);
    private final DoubleProperty ageHigh = new SimpleDoubleProperty(MAX_AGE);
    private final StringProperty keywords = new SimpleStringProperty("");
    private final ObservableList<String> professionals = FXCollections.observableArrayList();
    private final ObservableList<String> cities = FXCollections.observableArrayList();
    private final ObservableList<String> sexes = FXCollections.observableArrayList();
    private final ObservableList<Long> categories = FXCollections.observableArrayList();
    private final ObservableList<String> professionalChoices = FXCollections.observableArrayList();
    private final ObservableList<String> cityChoices = FXCollections.observableArrayList();
    private final ObservableList<String> sexChoices = FXCollections.observableArrayList();
    private final ObservableList<Long> categoryChoices = FXCollections.observableArrayList();

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

    /** Selected values (the view binds its CheckComboBoxes to these). */
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

    /** What validation depends on. */
    public List<Observable> inputs() {
        return Arrays.asList(from, to, ageLow, ageHigh, keywords);
    }

    public Optional<String> validate(Messages messages) {
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            return Optional.of(messages.get("validation.dates"));
        }
        if (ageLow.get() > ageHigh.get()) {
            return Optional.of(messages.get("validation.ages"));
        }
        return Optional.empty();
    }

    public SessionFilter toFilter() {
        SessionFilter filter = SessionFilter.NONE.withDates(from.get(), to.get());
        int low = (int) Math.round(ageLow.get());
        int high = (int) Math.round(ageHigh.get());
        if (low > MIN_AGE || high < MAX_AGE) {
            filter = filter.withAges(low, high);
        }
        return filter.withProfessionals(List.copyOf(professionals))
                .withCities(List.copyOf(cities))
                .withSexes(List.copyOf(sexes))
                .withKeywords(Arrays.stream(keywords.get() == null ? new String[0] : keywords.get().split("[,，]"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList())
                .withCategories(List.copyOf(categories));
    }

    /** Sets every filter input to what {@code filter} asks for (a reopened run's filter). */
    public void restore(SessionFilter filter) {
        from.set(filter.from().orElse(null));
        to.set(filter.to().orElse(null));
        // High first: the age slider keeps low ≤ high, so a new low above the old high would be clamped.
        ageHigh.set(MAX_AGE);
        ageLow.set(Math.max(MIN_AGE, filter.minAge().orElse(MIN_AGE)));
        ageHigh.set(Math.min(MAX_AGE, filter.maxAge().orElse(MAX_AGE)));
        keywords.set(String.join(", ", filter.keywords()));
        professionals.setAll(filter.professionals());
        cities.setAll(filter.cities());
        sexes.setAll(filter.sexes());
        categories.setAll(filter.categories());
    }

    /** Offers the workspace's values; keeps selections that are still offered. */
    public void applyChoices(FilterChoices choices) {
        replace(professionalChoices, professionals, choices.professionals());
        replace(cityChoices, cities, choices.cities());
        replace(sexChoices, sexes, choices.sexes());
        replace(categoryChoices, categories, choices.categories());
    }

    private static <T> void replace(ObservableList<T> offered, ObservableList<T> selected, List<T> values) {
        offered.setAll(values);
        selected.retainAll(values);
    }
}
