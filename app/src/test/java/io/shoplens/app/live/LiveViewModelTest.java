package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveListener;
import io.shoplens.engine.live.LiveStatus;
import io.shoplens.engine.live.LiveUpdate;

/** The view model with a hand-drained "FX thread": the engine's callbacks queue up until {@link #drain()}. */
class LiveViewModelTest {

    private final FakeLiveService live = new FakeLiveService();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Queue<Runnable> fxThread = new ArrayDeque<>();
    private final LiveViewModel model = new LiveViewModel(live, new SyncJobRunner(e -> {
        throw new AssertionError(e);
    }), dialogs, Messages.forLocale(Locale.ENGLISH), fxThread::add, ZoneOffset.UTC);

    private final KafkaSettings settings = KafkaSettings.plaintext("Local Kafka", "localhost:9092", "ad_clicks");

    private void drain() {
        while (!fxThread.isEmpty()) {
            fxThread.poll().run();
        }
    }

    private char[] start() {
        char[] password = "s3cret".toCharArray();
        model.start(new LiveConnection(settings, password));
        drain();
        return password;
    }

    @Test
    void statusLineSaysWhatTheQueryDoes() {
        assertThat(model.statusTextProperty().get()).isEqualTo("Not connected");
        assertThat(model.runningProperty().get()).isFalse();

        start();
        assertThat(model.statusTextProperty().get()).isEqualTo("Running");
        assertThat(model.connectionNameProperty().get()).isEqualTo("Local Kafka");
        assertThat(model.runningProperty().get()).isTrue();

        live.listener().onStatus(LiveStatus.RECONNECTING, "broker localhost:9092 is not answering");
        drain();
        assertThat(model.statusTextProperty().get()).isEqualTo("Reconnecting — broker localhost:9092 is not answering");
        live.listener().onStatus(LiveStatus.RUNNING, "");
        drain();
        assertThat(model.statusTextProperty().get()).isEqualTo("Running");

        model.stop();
        assertThat(live.closed()).isTrue();
        assertThat(model.statusTextProperty().get()).isEqualTo("Stopped");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void startZeroesThePasswordOnceTheEngineHasIt() {
        char[] password = start();
        assertThat(live.passwordsSeen).containsExactly("s3cret");
        assertThat(password).containsOnly('\0');
    }

    @Test
    void aStartUsesTheAdParamsAsTheyAreWhenItStarts() {
        start();
        AdParams[] fields = {new AdParams(7, ZoneId.of("Asia/Shanghai"))};
        model.useAdParams(() -> fields[0]);
        start();
        fields[0] = new AdParams(3, ZoneOffset.UTC);
        start();
        assertThat(live.paramsSeen).containsExactly(new AdParams(), new AdParams(7, ZoneId.of("Asia/Shanghai")),
                new AdParams(3, ZoneOffset.UTC));
    }

    @Test
    void aFailedStartSaysWhyAndStillZeroesThePassword() {
        live.startFailure = new IllegalStateException("No Kafka source: spark-sql-kafka is missing");
        char[] password = start();
        assertThat(model.statusTextProperty().get())
                .isEqualTo("Failed — No Kafka source: spark-sql-kafka is missing");
        assertThat(dialogs.errors).containsExactly("The live view could not start");
        assertThat(password).containsOnly('\0');
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void updatesThatPileUpBeforeTheFxThreadRunsCollapseIntoTheLatest() {
        start();
        List<LiveUpdate> applied = new ArrayList<>();
        model.updateProperty().addListener((obs, old, update) -> applied.add(update));
        LiveUpdate first = LiveUpdates.batch(1, 1, List.of());
        LiveUpdate second = LiveUpdates.batch(2, 2, List.of());
        LiveUpdate third = LiveUpdates.batch(3, 3, List.of());

        live.listener().onUpdate(first);
        live.listener().onUpdate(second);
        live.listener().onUpdate(third);
        assertThat(fxThread).hasSize(1);
        drain();

        assertThat(applied).containsExactly(third);
        assertThat(model.clicksProperty().get()).isEqualTo(39);

        live.listener().onUpdate(first);
        drain();
        assertThat(applied).containsExactly(third, first);
    }

    @Test
    void countersShowTotalsLastBatchAndLatency() {
        start();
        assertThat(model.lastBatchText().get()).isEqualTo("—");
        assertThat(model.latencyText().get()).isEqualTo("—");

        live.listener().onUpdate(LiveUpdates.batch(1, 1000, List.of("line 3: expected 5 fields, found 2: 'oops x'")));
        drain();

        assertThat(model.clicksText().get()).isEqualTo("13,000");
        assertThat(model.malformedText().get()).isEqualTo("1");
        assertThat(model.malformedSamples()).containsExactly("line 3: expected 5 fields, found 2: 'oops x'");
        assertThat(model.lastBatchText().get()).isEqualTo("02:30:01");
        assertThat(model.latencyProperty().get()).isEqualTo(Duration.ofMillis(1501));
        assertThat(model.latencyText().get()).isEqualTo("1.5 s");
    }

    @Test
    void latencyReadsInTheUnitThatFits() {
        assertThat(model.duration(Duration.ofMillis(420))).isEqualTo("420 ms");
        assertThat(model.duration(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
        assertThat(model.duration(Duration.ofMinutes(7))).isEqualTo("7 min");
        assertThat(model.duration(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(model.duration(Duration.ofDays(40))).isEqualTo("40 days");
    }

    @Test
    void topBarsFollowTheChosenProvince() {
        start();
        live.listener().onUpdate(LiveUpdates.batch(1, 1, List.of()));
        drain();

        assertThat(model.provinces()).containsExactly(Optional.empty(), Optional.of("北京"), Optional.of("广东"));
        assertThat(model.shownProperty().get().day()).contains(LiveUpdates.DAY);
        assertThat(model.shownProperty().get().live()).isTrue();
        assertThat(model.topShownProperty().get().rows()).hasSize(4);

        model.provinceProperty().set(Optional.of("广东"));
        assertThat(model.topShownProperty().get().rows()).extracting(r -> r.get(3)).containsExactly(1L, 2L);

        live.listener().onUpdate(LiveUpdates.batch(2, 2, List.of()));
        drain();
        assertThat(model.provinceProperty().get()).contains("广东");
        assertThat(model.topShownProperty().get().rows()).extracting(r -> r.get(4)).containsExactly(10L, 6L);
    }

    @Test
    void aPastDayOpensFromTheRunningQueryAndTheLiveDayComesBackWithTheLatestBatch() {
        start();
        live.listener().onUpdate(LiveUpdates.batch(1, 1, List.of()));
        drain();
        LocalDate past = LiveUpdates.PAST_DAYS.get(1);
        live.pastDays.put(past, LiveUpdates.pastDay(past, 42));

        // The open day (live), then the past days newest first.
        assertThat(model.days()).containsExactly(ShownDay.LIVE, ShownDay.past(LocalDate.of(2019, 9, 8)),
                ShownDay.past(LocalDate.of(2019, 9, 7)));
        model.dayProperty().set(ShownDay.past(past));

        assertThat(live.historyAsked).containsExactly("query 2019-09-08");
        assertThat(model.shownProperty().get().live()).isFalse();
        assertThat(model.shownProperty().get().day()).contains(past);
        assertThat(model.provinces()).containsExactly(Optional.empty(), Optional.of("上海"));
        assertThat(model.topShownProperty().get().rows()).extracting(r -> r.get(4)).containsExactly(42L);

        // Batches go on counting; the past day stays on screen until the live day is picked again.
        live.listener().onUpdate(LiveUpdates.batch(2, 2, List.of()));
        drain();
        assertThat(model.clicksProperty().get()).isEqualTo(26);
        assertThat(model.shownProperty().get().day()).contains(past);
        model.dayProperty().set(ShownDay.LIVE);
        assertThat(model.shownProperty().get().live()).isTrue();
        assertThat(model.topShownProperty().get().rows()).extracting(r -> r.get(4)).containsExactly(8L, 2L, 10L, 6L);
    }

    @Test
    void afterAStopAPastDayOpensFromTheStoredClicksAndOneThatFailsGoesBackToTheLiveDay() {
        start();
        live.listener().onUpdate(LiveUpdates.batch(1, 1, List.of()));
        drain();
        model.stop();
        LocalDate stored = LiveUpdates.PAST_DAYS.get(0);
        live.pastDays.put(stored, LiveUpdates.pastDay(stored, 7));

        model.dayProperty().set(ShownDay.past(stored));
        assertThat(live.historyAsked).containsExactly("service 2019-09-07");
        assertThat(model.shownProperty().get().day()).contains(stored);

        model.dayProperty().set(ShownDay.past(LiveUpdates.PAST_DAYS.get(1)));
        assertThat(dialogs.errors).containsExactly("The live tables of 2019-09-08 could not be opened");
        assertThat(model.dayProperty().get()).isEqualTo(ShownDay.LIVE);
        assertThat(model.shownProperty().get().live()).isTrue();
    }

    @Test
    void aBrokerAwayPastTheLimitSaysSinceWhenAndTheTablesStay() {
        start();
        live.listener().onUpdate(LiveUpdates.batch(1, 1, List.of()));
        drain();
        LiveTables before = model.shownProperty().get();

        live.listener().onStatus(LiveStatus.RECONNECTING, "no broker at localhost:9092");
        drain();
        assertThat(model.awaySinceProperty().get()).isPresent();
        live.listener().onStatus(LiveStatus.OFFLINE, "no answer for more than 1 min");
        drain();

        String since = model.awaySinceProperty().get().map(t -> java.time.format.DateTimeFormatter
                .ofPattern("HH:mm:ss").format(t.atZone(ZoneOffset.UTC))).orElseThrow();
        assertThat(model.statusTextProperty().get()).isEqualTo("Broker away since " + since
                + " — showing the tables as of 02:30:01; reconnecting by itself — no answer for more than 1 min");
        assertThat(model.shownProperty().get()).isSameAs(before);
        assertThat(model.runningProperty().get()).isTrue();

        live.listener().onStatus(LiveStatus.RUNNING, "");
        drain();
        assertThat(model.awaySinceProperty().get()).isEmpty();
        assertThat(model.statusTextProperty().get()).isEqualTo("Running");
    }

    @Test
    void aBrokerAwayBeforeTheFirstBatchSaysNothingWasReadRatherThanTablesAsOfNothing() {
        start();
        live.listener().onStatus(LiveStatus.RECONNECTING, "no broker at localhost:9092");
        drain();
        live.listener().onStatus(LiveStatus.OFFLINE, "no answer for more than 1 min");
        drain();

        String since = model.awaySinceProperty().get().map(t -> java.time.format.DateTimeFormatter
                .ofPattern("HH:mm:ss").format(t.atZone(ZoneOffset.UTC))).orElseThrow();
        assertThat(model.statusTextProperty().get()).isEqualTo("Broker away since " + since
                + " — no clicks read yet; reconnecting by itself — no answer for more than 1 min");
    }

    @Test
    void callbacksOfAnEarlierQueryAreIgnoredAfterANewStart() {
        start();
        LiveListener earlier = live.listener();
        start();

        earlier.onUpdate(LiveUpdates.batch(9, 9, List.of()));
        earlier.onStatus(LiveStatus.FAILED, "old query");
        drain();

        assertThat(model.updateProperty().get()).isNull();
        assertThat(model.statusTextProperty().get()).isEqualTo("Running");
        assertThat(live.started).hasSize(2);
    }

    @Test
    void connectAsksTheDialogAndStartsWhatItAnswers() {
        model.useConnectPrompt(dialogs);
        dialogs.connectAnswer = form -> {
            form.nameProperty().set("From the dialog");
            return form.connection("pw".toCharArray());
        };
        model.connect();
        drain();
        assertThat(live.started).extracting(KafkaSettings::name).containsExactly("From the dialog");

        dialogs.connectAnswer = form -> Optional.empty();
        model.connect();
        assertThat(live.started).hasSize(1);
    }
}
