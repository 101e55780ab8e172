package io.shoplens.app.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Debouncer;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvDimension;

class FilterBarViewModelTest {

    private final FilterBarViewModel bar = new FilterBarViewModel(Messages.forLocale(Locale.ENGLISH),
            Debouncer.IMMEDIATE);

    @Test
    void theInputsMakeTheFilterEveryViewFollows() {
        bar.fromProperty().set(LocalDate.of(2019, 7, 17));
        bar.ageLowProperty().set(20);
        bar.ageHighProperty().set(45);
        bar.keywordsProperty().set("火锅， 蛋糕, ");
        bar.professionals().setAll("教师");
        bar.cities().setAll("北京");
        bar.sexes().setAll("female");
        bar.categories().setAll(8L);
        bar.excludeSuspectsProperty().set(true);

        assertThat(bar.filterProperty().get()).isEqualTo(new SessionFilter(Optional.of(LocalDate.of(2019, 7, 17)),
                Optional.empty(), Optional.of(20), Optional.of(45), List.of("教师"), List.of("北京"), List.of("female"),
                List.of("火锅", "蛋糕"), List.of(8L), true));
    }

    @Test
    void aRestoredFilterAppliesAtOnceAndShowsAsChips() {
        // A debouncer whose quiet period never ends: restoring must not wait for it.
        FilterBarViewModel reopened = new FilterBarViewModel(Messages.forLocale(Locale.ENGLISH), action -> { });
        SessionFilter last = new SessionFilter(Optional.of(LocalDate.of(2019, 7, 17)), Optional.of(LocalDate.of(2019, 7, 24)),
                Optional.empty(), Optional.of(34), List.of("教师"), List.of(), List.of("female"),
                List.of("火锅", "蛋糕"), List.of(8L), true, List.of("search"), List.of("华东"));

        reopened.restore(last);

        assertThat(reopened.filterProperty().get()).isEqualTo(last);
        assertThat(reopened.keywordsProperty().get()).isEqualTo("火锅, 蛋糕");
        assertThat(reopened.ageLowProperty().get()).isEqualTo(FilterBarViewModel.MIN_AGE);
        assertThat(reopened.ageHighProperty().get()).isEqualTo(34);
        assertThat(reopened.chips()).extracting(FilterChip::id).containsExactly("chip-dates", "chip-ages",
                "chip-professional-教师", "chip-sex-female", "chip-keyword-火锅", "chip-keyword-蛋糕", "chip-category-8",
                "chip-channel-search", "chip-area-华东", "chip-suspects");
    }

    @Test
    void theSliderEndsAreNoBound() {
        bar.ageLowProperty().set(55);
        assertThat(bar.filterProperty().get().minAge()).contains(55);
        assertThat(bar.filterProperty().get().maxAge()).isEmpty();
        bar.ageLowProperty().set(FilterBarViewModel.MIN_AGE);
        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE);
    }

    @Test
    void anInvalidInputKeepsTheFilterThatApplies() {
        bar.fromProperty().set(LocalDate.of(2019, 7, 20));
        bar.toProperty().set(LocalDate.of(2019, 7, 19));

        assertThat(bar.validationErrorProperty().get()).isEqualTo("The end date is before the start date.");
        assertThat(bar.filterProperty().get().to()).isEmpty();
        assertThat(bar.filterProperty().get().from()).contains(LocalDate.of(2019, 7, 20));
    }

    @Test
    void editsInABurstApplyOnceWhenTheDebouncerFires() {
        List<Runnable> scheduled = new ArrayList<>();
        FilterBarViewModel debounced = new FilterBarViewModel(Messages.forLocale(Locale.ENGLISH), scheduled::add);
        List<SessionFilter> applied = new ArrayList<>();
        debounced.filterProperty().addListener((obs, old, now) -> applied.add(now));

        debounced.sexes().add("female");
        debounced.keywordsProperty().set("火");
        debounced.keywordsProperty().set("火锅");
        assertThat(applied).isEmpty();
        // The chips follow every edit at once.
        assertThat(debounced.chips()).extracting(FilterChip::text).containsExactly("Sex: female", "Searched: 火锅");

        scheduled.get(scheduled.size() - 1).run();

        assertThat(applied).containsExactly(SessionFilter.NONE.withSexes(List.of("female"))
                .withKeywords(List.of("火锅")));
    }

    @Test
    void eachActiveFilterIsAChipThatRemovesJustItself() {
        bar.applyChoices(new FilterChoices(List.of("教师"), List.of("北京"), List.of("female", "male"), List.of(8L, 9L),
                null, null, Map.of(8L, "家电")));
        bar.fromProperty().set(LocalDate.of(2019, 7, 17));
        bar.toProperty().set(LocalDate.of(2019, 7, 20));
        bar.ageLowProperty().set(25);
        bar.ageHighProperty().set(34);
        bar.sexes().setAll("female", "male");
        bar.categories().setAll(8L, 9L);
        bar.keywordsProperty().set("火锅, 蛋糕");
        bar.excludeSuspectsProperty().set(true);

        assertThat(bar.chips()).extracting(FilterChip::id, FilterChip::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("chip-dates", "2019-07-17 – 2019-07-20"),
                org.assertj.core.groups.Tuple.tuple("chip-ages", "Ages 25–34"),
                org.assertj.core.groups.Tuple.tuple("chip-sex-female", "Sex: female"),
                org.assertj.core.groups.Tuple.tuple("chip-sex-male", "Sex: male"),
                org.assertj.core.groups.Tuple.tuple("chip-keyword-火锅", "Searched: 火锅"),
                org.assertj.core.groups.Tuple.tuple("chip-keyword-蛋糕", "Searched: 蛋糕"),
                org.assertj.core.groups.Tuple.tuple("chip-category-8", "Category: 家电"),
                org.assertj.core.groups.Tuple.tuple("chip-category-9", "Category: 9"),
                org.assertj.core.groups.Tuple.tuple("chip-suspects", "Without suspect users"));

        chip("chip-sex-female").remove().run();
        chip("chip-keyword-火锅").remove().run();
        chip("chip-category-8").remove().run();
        chip("chip-ages").remove().run();
        chip("chip-suspects").remove().run();

        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE
                .withDates(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 20))
                .withSexes(List.of("male")).withKeywords(List.of("蛋糕")).withCategories(List.of(9L)));

        bar.clear();
        assertThat(bar.chips()).isEmpty();
        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE);
    }

    @Test
    void linkedValuesAddToTheFilterOnce() {
        bar.add(FilterLink.category(8));
        bar.add(FilterLink.category(8));
        FilterLink.ofGmv(GmvDimension.SEX, "female").ifPresent(bar::add);
        FilterLink.ofGmv(GmvDimension.PROFESSIONAL, "教师").ifPresent(bar::add);
        FilterLink.ofGmv(GmvDimension.AGE_GROUP, "25-34").ifPresent(bar::add);
        FilterLink.ofGmv(GmvDimension.CHANNEL, "search").ifPresent(bar::add);
        FilterLink.ofGmv(GmvDimension.AREA, "(unknown)").ifPresent(bar::add);
        bar.add(FilterLink.area("华北"));
        bar.add(FilterLink.area("华北"));

        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE.withCategories(List.of(8L))
                .withSexes(List.of("female")).withProfessionals(List.of("教师")).withAges(25, 34)
                .withChannels(List.of("search")).withAreas(List.of("(unknown)", "华北")));
        assertThat(bar.chips()).extracting(FilterChip::text).contains("Channel: search", "Area: 华北");
        bar.chips().stream().filter(c -> c.id().equals("chip-area-华北")).findFirst().orElseThrow().remove().run();
        assertThat(bar.filterProperty().get().areas()).containsExactly("(unknown)");
        bar.clear();
        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE);
    }

    @Test
    void aPageJumpFiltersSessionsAndItsChipSaysTheJump() {
        bar.add(FilterLink.pageJump(new PageJump(3, 4)));
        bar.add(FilterLink.pageJump(new PageJump(3, 4)));
        bar.add(FilterLink.pageJump(new PageJump(1200, 1201)));

        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE
                .withPageJumps(List.of(new PageJump(3, 4), new PageJump(1200, 1201))));
        assertThat(bar.chips()).extracting(FilterChip::id, FilterChip::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("chip-jump-3-4", "Jump 3→4"),
                org.assertj.core.groups.Tuple.tuple("chip-jump-1200-1201", "Jump 1200→1201"));
        bar.chips().get(0).remove().run();
        assertThat(bar.filterProperty().get().pageJumps()).containsExactly(new PageJump(1200, 1201));
        bar.restore(SessionFilter.NONE.withPageJumps(List.of(new PageJump(5, 6))));
        assertThat(bar.chips()).extracting(FilterChip::id).containsExactly("chip-jump-5-6");
        bar.clear();
        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE);
    }

    @Test
    void aProvinceFiltersAdClicksOnlyAndItsChipSaysSo() {
        bar.add(FilterLink.province("上海"));
        bar.add(FilterLink.province("上海"));
        bar.add(FilterLink.province("广东"));

        assertThat(bar.adProvincesProperty().get()).containsExactly("上海", "广东");
        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE);
        FilterChip shanghai = bar.chips().get(0);
        assertThat(shanghai.id()).isEqualTo("chip-province-上海");
        assertThat(shanghai.text()).isEqualTo("Province: 上海 (ad clicks)");
        assertThat(shanghai.tooltip()).contains("Ads view").contains("Session views ignore it");
        shanghai.remove().run();
        assertThat(bar.adProvincesProperty().get()).containsExactly("广东");
        // A session filter read back from a run has no provinces: the bar keeps its own.
        bar.restore(SessionFilter.NONE.withSexes(List.of("female")));
        assertThat(bar.adProvincesProperty().get()).containsExactly("广东");
        bar.clear();
        assertThat(bar.adProvincesProperty().get()).isEmpty();
        assertThat(bar.chips()).isEmpty();
    }

    @Test
    void onlyDimensionsTheFilterHasAreLinks() {
        // The GMV city is the action's (city_info); the filter's city is the user's (user_info).
        assertThat(FilterLink.ofGmv(GmvDimension.CITY, "北京")).isEmpty();
        assertThat(FilterLink.ofGmv(GmvDimension.AGE_GROUP, "unknown")).isEmpty();
        FilterLink.ofGmv(GmvDimension.AGE_GROUP, "55+").ifPresent(bar::add);
        assertThat(bar.filterProperty().get()).isEqualTo(SessionFilter.NONE.withAges(55, null));
    }

    @Test
    void newChoicesKeepOnlySelectionsStillOffered() {
        bar.cities().setAll("北京", "西安");
        bar.applyChoices(new FilterChoices(List.of(), List.of("北京", "上海"), List.of(), List.of(), null, null));
        assertThat(bar.cities()).containsExactly("北京");
        assertThat(bar.cityChoices()).containsExactly("北京", "上海");
    }

    private FilterChip chip(String id) {
        return bar.chips().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
