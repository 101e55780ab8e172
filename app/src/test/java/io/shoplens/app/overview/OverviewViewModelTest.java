package io.shoplens.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.overview.Overview;

class OverviewViewModelTest {

    private final RecordingDialogs dialogs = new RecordingDialogs();

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final OverviewViewModel model = new OverviewViewModel(engine, new SyncJobRunner(e -> { }), dialogs,
            Messages.forLocale(Locale.ENGLISH));

    @BeforeEach
    void handMadeOverview() {
        engine.answerOverviewWith(new Overview(10, 4, 3, new BigDecimal("300.00"), 0, List.of(
                new Overview.Day(LocalDate.of(2019, 7, 17), 6, 1, new BigDecimal("100.00")),
                new Overview.Day(LocalDate.of(2019, 7, 18), 4, 2, new BigDecimal("200.00")))));
    }

    @Test
    void itComputesItselfOnceDataIsInAndItIsShown() {
        model.freshness().shownProperty().set(true);
        assertThat(engine.overviews()).isEmpty();

        model.hasDataProperty().set(true);

        // The numbers shown, and the same without suspects for the line that compares them.
        assertThat(engine.overviews()).containsExactly(SessionFilter.NONE, SessionFilter.NONE.withExcludeSuspects(true));
        assertThat(model.tiles()).extracting(OverviewTile::id, OverviewTile::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sessions", "10"),
                org.assertj.core.groups.Tuple.tuple("users", "4"),
                org.assertj.core.groups.Tuple.tuple("orders", "3"),
                org.assertj.core.groups.Tuple.tuple("gmv", "300.00"),
                org.assertj.core.groups.Tuple.tuple("conversion", "30.00%"),
                org.assertj.core.groups.Tuple.tuple("aov", "100.00"));
        assertThat(model.datesProperty().get()).isEqualTo("Sessions from 2019-07-17 to 2019-07-18 (2 days)");
        // A sparkline per day: conversion 1/6 and 2/4, AOV 100 and 100.
        OverviewTile conversion = model.tiles().get(4);
        assertThat(conversion.days()).containsExactly(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 18));
        assertThat(conversion.values()).containsExactly(1 / 6.0, 0.5);
        assertThat(model.tiles().get(5).values()).containsExactly(100.0, 100.0);
        assertThat(model.tiles().get(1).days()).isEmpty();
    }

    @Test
    void itSaysWhatTheSuspectsMakeOfTheGmvAndCanLeaveThemOut() {
        Overview without = new Overview(8, 3, 2, new BigDecimal("250.00"), 0, List.of());
        engine.answerOverviewWith(filter -> filter.excludeSuspects() ? without
                : new Overview(10, 4, 3, new BigDecimal("300.00"), 0, List.of()));
        boolean[] leftOut = {false};
        model.useExcludeSuspects(() -> leftOut[0] = true);
        model.hasDataProperty().set(true);
        model.freshness().shownProperty().set(true);

        assertThat(model.suspectsProperty().get()).isEqualTo("Fake-order suspects make 50.00 of this GMV (16.7%;"
                + " users 1, sessions 2, orders 1). Without them GMV is 250.00.");
        assertThat(model.canExcludeSuspectsProperty().get()).isTrue();
        model.excludeSuspects();
        assertThat(leftOut[0]).isTrue();

        model.freshness().filterProperty().set(SessionFilter.NONE.withExcludeSuspects(true));
        assertThat(model.overviewProperty().get()).isEqualTo(without);
        assertThat(model.suspectsProperty().get()).isEqualTo("Fake-order suspects are left out (users 1, sessions 2,"
                + " orders 1); with them GMV would be 300.00, 50.00 more (16.7% of it).");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();

        engine.answerOverviewWith(filter -> without);
        model.freshness().filterProperty().set(SessionFilter.NONE.withSexes(List.of("male")));
        assertThat(model.suspectsProperty().get()).isEqualTo("No fake-order suspect users in these sessions.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    @Test
    void itFollowsTheFilterWhileShown() {
        model.hasDataProperty().set(true);
        model.freshness().shownProperty().set(true);
        SessionFilter women = SessionFilter.NONE.withSexes(List.of("female"));

        model.freshness().filterProperty().set(women);

        assertThat(engine.overviews()).containsExactly(SessionFilter.NONE, SessionFilter.NONE.withExcludeSuspects(true),
                women, women.withExcludeSuspects(true));
        assertThat(model.freshness().staleProperty().get()).isFalse();
    }

    @Test
    void theRowsOfEachLogKindAreCounted() {
        model.datasets().setAll(
                FakeEngineService.dataset(1, "a.csv", LogKind.USER_VISIT_ACTION, 1000, 0, null, null),
                FakeEngineService.dataset(2, "b.csv", LogKind.USER_VISIT_ACTION, 234, 5, null, null),
                FakeEngineService.dataset(3, "u.csv", LogKind.USER_INFO, 20, 0, null, null));

        assertThat(model.rowsProperty().get()).isEqualTo("1,234 User actions  ·  20 Users");
    }
}
