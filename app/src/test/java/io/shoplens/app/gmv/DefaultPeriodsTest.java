package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.gmv.DateRange;

class DefaultPeriodsTest {

    private static DateRange days(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void fourteenDaysOrMoreCompareTheLastSevenWithTheSevenBefore() {
        DateRange[] periods = DefaultPeriods.of(days("2019-07-01", "2019-07-28"));
        assertThat(periods).containsExactly(days("2019-07-15", "2019-07-21"), days("2019-07-22", "2019-07-28"));
        assertThat(DefaultPeriods.of(days("2019-07-01", "2019-07-14")))
                .containsExactly(days("2019-07-01", "2019-07-07"), days("2019-07-08", "2019-07-14"));
    }

    @Test
    void fewerDaysAreSplitInHalvesTheBaseTakingTheOddDay() {
        assertThat(DefaultPeriods.of(days("2019-07-17", "2019-07-24")))
                .containsExactly(days("2019-07-17", "2019-07-20"), days("2019-07-21", "2019-07-24"));
        assertThat(DefaultPeriods.of(days("2019-07-17", "2019-07-29")))
                .containsExactly(days("2019-07-17", "2019-07-23"), days("2019-07-24", "2019-07-29"));
        assertThat(DefaultPeriods.of(days("2019-07-17", "2019-07-18")))
                .containsExactly(days("2019-07-17", "2019-07-17"), days("2019-07-18", "2019-07-18"));
    }

    @Test
    void oneDayIsComparedWithItself() {
        assertThat(DefaultPeriods.of(days("2019-07-17", "2019-07-17")))
                .containsExactly(days("2019-07-17", "2019-07-17"), days("2019-07-17", "2019-07-17"));
    }

    @Test
    void periodsAreWithinTheDataWhenBothShareADayWithIt() {
        DateRange data = days("2019-07-17", "2019-07-24");
        assertThat(DefaultPeriods.within(new DateRange[] {days("2019-07-10", "2019-07-17"),
                days("2019-07-18", "2019-07-24")}, data)).isTrue();
        assertThat(DefaultPeriods.within(new DateRange[] {days("2019-07-03", "2019-07-09"),
                days("2019-07-18", "2019-07-24")}, data)).isFalse();
    }
}
