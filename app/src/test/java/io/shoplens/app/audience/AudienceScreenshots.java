package io.shoplens.app.audience;

import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.app.testing.Screenshots;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Pictures of the Audience view's five tabs (a program, not a test) on the tables the CLI wrote:
 * {@code ./shoplens analyze --analysis audience --input sample-logs/shop --out DIR}, then this class
 * with {@code -Daudience.csv=DIR/audience -Dshots=FOLDER}.
 */
public final class AudienceScreenshots {

    private static final List<String> TABLES = List.of("user_tags", "tags", "tag_lift", "lookalikes",
            "lookalike_check", "lapsed_substitutes", "lapsed_summary", "suspects", "suspect_users", "rfm",
            "tier_moves", "amplification");

    private AudienceScreenshots() {
    }

    public static void main(String[] args) {
        // On the class path, the main class must not be an Application (the launcher would look for the JavaFX modules).
        Application.launch(Shooter.class, args);
    }

    /** The JavaFX side: shows the view on the CLI's tables and takes a picture of each tab. */
    public static final class Shooter extends Application {
        @Override
        public void start(Stage stage) {
            Screenshots.inEachLanguage(stage, AudienceScreenshots::shoot);
        }
    }

    private static void shoot(Stage stage, Locale locale) throws Exception {
        String tag = locale.equals(Locale.ENGLISH) ? "en" : "zh";
        AnalysisResult result = read(Path.of(System.getProperty("audience.csv")));
        File folder = new File(System.getProperty("shots", "target/shots"));
        folder.mkdirs();
        Messages messages = Messages.forLocale(locale);
        AudienceView[] view = new AudienceView[1];
        Screenshots.fx(() -> {
            AudienceViewModel model = new AudienceViewModel(new FakeEngineService(Duration.ZERO),
                    new SyncJobRunner(e -> { }), new RecordingDialogs(), messages);
            view[0] = new AudienceView(model, messages);
            Scene scene = new Scene(view[0], 1400, 1000);
            scene.getStylesheets().add(AudienceScreenshots.class.getResource("/io/shoplens/app/app.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
            model.hasDataProperty().set(true);
            model.resultProperty().set(result);
        });
        TabPane tabs = (TabPane) view[0].lookup("#audience-tabs");
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            Screenshots.fx(() -> tabs.getSelectionModel().select(index));
            Screenshots.snap(stage, folder, "audience-" + tabs.getTabs().get(i).getId().substring(13) + "-" + tag);
        }
    }

    /** The CLI's CSV files as a result: whole numbers as longs, other numbers as doubles, the rest as text. */
    private static AnalysisResult read(Path dir) throws Exception {
        List<ResultTable> tables = new ArrayList<>();
        for (String name : TABLES) {
            try (Reader in = Files.newBufferedReader(dir.resolve(name + ".csv"), StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                         .parse(in)) {
                List<List<Object>> rows = new ArrayList<>();
                for (CSVRecord record : parser) {
                    List<Object> row = new ArrayList<>();
                    record.forEach(cell -> row.add(value(cell)));
                    rows.add(row);
                }
                tables.add(new ResultTable(name, parser.getHeaderNames(), rows));
            }
        }
        return new AnalysisResult("audience", tables);
    }

    private static Object value(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (cell.matches("-?\\d{1,18}")) {
            return Long.parseLong(cell);
        }
        if (cell.matches("-?\\d+\\.\\d+(E-?\\d+)?")) {
            return Double.parseDouble(cell);
        }
        return cell;
    }
}
