package io.shoplens.app.live;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import io.shoplens.app.AppWiring;
import io.shoplens.app.ShopLensApp;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.app.testing.Screenshots;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveStatus;
import io.shoplens.engine.live.LiveUpdate;

/**
 * Pictures of the Live tab in the main window fed by {@link FakeLiveService} with made-up clicks,
 * and of the connect dialog, in English and Chinese, as PNGs in the folder given as the first
 * argument. Not a test; run by hand under a display (e.g. {@code xvfb-run -s "-screen 0 1400x1000x24"}).
 */
public final class LiveScreenshots {

    private static File folder;

    private LiveScreenshots() {
    }

    public static void main(String[] args) {
        folder = new File(args.length > 0 ? args[0] : "shots");
        folder.mkdirs();
        Application.launch(Shooter.class, args);
    }

    /** The JavaFX side: shows the window, pushes batches, takes the pictures. */
    public static final class Shooter extends Application {

        @Override
        public void start(Stage stage) {
            Screenshots.inEachLanguage(stage, LiveScreenshots::shoot);
        }
    }

    private static void shoot(Stage stage, Locale locale) throws Exception {
        String tag = locale.equals(Locale.ENGLISH) ? "en" : "zh";
        Messages messages = Messages.forLocale(locale);
        FakeLiveService live = new FakeLiveService();
        RecordingDialogs dialogs = new RecordingDialogs();
        NamedExecutors executors = new NamedExecutors();
        AppWiring[] wiring = new AppWiring[1];
        fx(() -> {
            wiring[0] = new AppWiring(new FakeEngineService(java.time.Duration.ZERO), live,
                    new FxJobRunner(executors, e -> e.printStackTrace()), dialogs, messages, Path.of("no-samples"),
                    () -> { });
            Scene scene = new Scene(wiring[0].window(), 1360, 860);
            scene.getStylesheets().add(ShopLensApp.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            ((TabPane) scene.lookup("#analyses")).getSelectionModel().select(5);
        });
        snap(stage, "live-empty-" + tag);
        LiveViewModel model = wiring[0].live().orElseThrow().model();
        fx(() -> model.start(new LiveConnection(
                KafkaSettings.plaintext("Staging Kafka", "kafka.staging:9092", "ad_clicks"), new char[0])));
        Thread.sleep(500);
        Random random = new Random(7);
        Synthetic clicks = new Synthetic();
        for (int batch = 0; batch < 4; batch++) {
            clicks.add(random, 400);
            live.push(clicks.update(batch, batch == 3 ? List.of(
                    "line 10412: expected 5 fields, found 3: '1568016000 广东 42'",
                    "line 10988: ad_id 'abc' is not a number") : List.of()));
            Thread.sleep(200);
        }
        snap(stage, "live-running-" + tag);
        measure(live, clicks);
        fx(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#live-view .result-scroll")).setVvalue(1));
        snap(stage, "live-running-bottom-" + tag);
        fx(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#live-view .result-scroll")).setVvalue(0.45));
        snap(stage, "live-running-middle-" + tag);
        fx(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#live-view .result-scroll")).setVvalue(0));
        fx(() -> ((TitledPane) stage.getScene().lookup("#live-malformed-pane")).setExpanded(true));
        live.status(LiveStatus.RECONNECTING, "No Kafka broker answered at kafka.staging:9092 within 3 s (is it running, and are host and port right?)");
        snap(stage, "live-reconnecting-" + tag);

        Stage[] dialogStage = new Stage[1];
        fx(() -> {
            ConnectViewModel form = model.connectModel();
            form.protocolProperty().set(KafkaSettings.SecurityProtocol.SASL_SSL);
            form.usernameProperty().set("ads-reader");
            ConnectDialog dialog = new ConnectDialog(stage, messages, form);
            dialog.show();
            dialogStage[0] = (Stage) dialog.getDialogPane().getScene().getWindow();
            form.checkOkProperty().set(false);
            form.checkMessageProperty().set(form.describe(new io.shoplens.engine.live.ConnectionCheck(
                    io.shoplens.engine.live.ConnectionCheck.Outcome.AUTHENTICATION_FAILED,
                    "Authentication failed for ads-reader on kafka.staging:9093: the broker refused the SCRAM-SHA-256 credentials. Check the user name, the password and the mechanism.")));
        });
        snap(dialogStage[0], "live-connect-" + tag);
        fx(() -> dialogStage[0].close());
        executors.close();
    }

    /**
     * How long a micro-batch takes from the streaming thread's hand-over until the FX thread has
     * applied it (tables, datasets, chart redraw): push, then wait for the FX queue to drain.
     */
    private static void measure(FakeLiveService live, Synthetic clicks) throws InterruptedException {
        Random random = new Random(11);
        long[] took = new long[30];
        for (int i = 0; i < 40; i++) {
            clicks.add(random, 50);
            LiveUpdate update = clicks.update(100 + i, List.of());
            long start = System.nanoTime();
            live.push(update);
            fx(() -> { });
            if (i >= 10) {
                took[i - 10] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        java.util.Arrays.sort(took);
        System.out.printf(Locale.ROOT, "batch hand-over to drawn (%d trend points): median %d ms, max %d ms%n",
                clicks.minutes.size() * 8, took[15], took[29]);
    }

    /** Cumulative clicks over five provinces and eight ads, as a live query would have counted them. */
    private static final class Synthetic {
        private static final String[][] PLACES = {{"广东", "广州"}, {"广东", "深圳"}, {"北京", "北京"},
            {"上海", "上海"}, {"浙江", "杭州"}, {"江苏", "南京"}};
        private final LocalDate day = LocalDate.of(2019, 9, 9);
        private final Map<List<Object>, Long> daily = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        private final Map<LocalDateTime, long[]> minutes = new TreeMap<>();
        private LocalDateTime now = LocalDateTime.of(2019, 9, 9, 10, 0);
        private long total;

        void add(Random random, int count) {
            for (int i = 0; i < count; i++) {
                String[] place = PLACES[random.nextInt(PLACES.length)];
                long ad = 1 + Math.min(7, (long) Math.abs(random.nextGaussian() * 2.5));
                daily.merge(List.of(day, place[0], place[1], ad), 1L, Long::sum);
                LocalDateTime minute = now.minusMinutes(random.nextInt(60));
                minutes.computeIfAbsent(minute, m -> new long[9])[(int) ad]++;
                total++;
            }
            now = now.plusMinutes(1);
        }

        LiveUpdate update(long batch, List<String> malformed) {
            List<List<Object>> dailyRows = new ArrayList<>();
            Map<String, Map<Long, Long>> byProvince = new TreeMap<>();
            daily.forEach((k, v) -> {
                List<Object> row = new ArrayList<>(k);
                row.add(v);
                dailyRows.add(row);
                byProvince.computeIfAbsent((String) k.get(1), p -> new TreeMap<>()).merge((Long) k.get(3), v, Long::sum);
            });
            List<List<Object>> top = new ArrayList<>();
            byProvince.forEach((province, ads) -> {
                List<Map.Entry<Long, Long>> ranked = new ArrayList<>(ads.entrySet());
                ranked.sort((a, b) -> b.getValue().equals(a.getValue()) ? Long.compare(a.getKey(), b.getKey())
                        : Long.compare(b.getValue(), a.getValue()));
                for (int r = 0; r < Math.min(3, ranked.size()); r++) {
                    top.add(List.of(day, province, (long) r + 1, ranked.get(r).getKey(), ranked.get(r).getValue()));
                }
            });
            List<List<Object>> trend = new ArrayList<>();
            minutes.forEach((minute, counts) -> {
                for (int ad = 1; ad < counts.length; ad++) {
                    if (counts[ad] > 0) {
                        trend.add(List.of(minute, (long) ad, counts[ad]));
                    }
                }
            });
            Instant latest = now.toInstant(ZoneOffset.ofHours(8));
            return new LiveUpdate(batch, latest.plusMillis(2300), total, malformed.size() * 3L, malformed, latest,
                    List.of(new ResultTable("blacklist", List.of("user_id", "date", "ad_id", "clicks"),
                                    List.of(List.of(1017L, day, 3L, 112L), List.of(4410L, day, 1L, 131L))),
                            new ResultTable("daily_clicks", List.of("date", "province", "city", "ad_id", "clicks"),
                                    dailyRows),
                            new ResultTable("top_ads", List.of("date", "province", "rank", "ad_id", "clicks"), top),
                            new ResultTable("minute_trend", List.of("minute", "ad_id", "clicks"), trend)),
                    day, List.of(day.minusDays(2), day.minusDays(1)));
        }
    }

    private static void snap(Stage stage, String name) throws InterruptedException {
        Screenshots.snap(stage, folder, name);
    }

    private static void fx(Runnable action) throws InterruptedException {
        Screenshots.fx(action);
    }
}
