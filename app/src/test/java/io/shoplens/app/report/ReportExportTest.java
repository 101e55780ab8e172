package io.shoplens.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.CannedResults;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import io.shoplens.engine.workspace.DatasetInfo;

class ReportExportTest {

    @Test
    void theReportSaysHowEachTabRanAndWhichDataItRead(@TempDir Path dir) throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.saveAnswer = Optional.of(dir.resolve("shop.html"));
        DatasetInfo actions = new DatasetInfo(1, "user_visit_action.csv", LogKind.USER_VISIT_ACTION, List.of("a.csv"),
                2_158_448, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 22334, 22333, 1, null,
                null, java.time.Instant.parse("2019-07-31T08:00:00Z"), "data/1");
        ReportExport export = new ReportExport(new SyncJobRunner(e -> { throw new AssertionError(e); }), dialogs,
                Messages.forLocale(Locale.ENGLISH),
                () -> List.of(CannedResults.of(RunRequest.defaults(List.of("sessions")).withSessions(new SessionParams(20, 7)))),
                () -> List.of(actions),
                analysis -> Optional.of(RunRequest.defaults(List.of("sessions"))
                        .withFilter(SessionFilter.NONE.withKeywords(List.of("火锅", "蛋糕, 奶茶")))
                        .withSessions(new SessionParams(20, 7))));

        export.export();

        assertThat(dialogs.errors).isEmpty();
        String html = Files.readString(dir.resolve("shop.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".substring(0, 16))
                .contains("--keywords")
                .contains("./shoplens analyze --input LOGS --out FOLDER --analysis sessions --keywords ")
                .contains("--sample 20 --seed 7")
                // A keyword holding a comma survives: the request is stored as JSON, not re-parsed from options.
                .contains("蛋糕, 奶茶");
        assertThat(dir.resolve("shop.pdf")).isNotEmptyFile();
    }

    @Test
    void anExistingPdfBesideTheChosenFileIsKeptUnlessTheUserAgrees(@TempDir Path dir) throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.saveAnswer = Optional.of(dir.resolve("shop.html"));
        dialogs.confirmAnswer = false;
        Files.writeString(dir.resolve("shop.pdf"), "the user's own file");
        ReportExport export = new ReportExport(new SyncJobRunner(e -> { throw new AssertionError(e); }), dialogs,
                Messages.forLocale(Locale.ENGLISH),
                () -> List.of(CannedResults.of(RunRequest.defaults(List.of("sessions")).withSessions(new SessionParams(20, 7)))),
                List::of, analysis -> Optional.empty());

        export.export();

        assertThat(Files.readString(dir.resolve("shop.pdf"))).isEqualTo("the user's own file");
        assertThat(dir.resolve("shop.html")).doesNotExist();
    }

    @Test
    void theReportIsInTheWindowsLanguage(@TempDir Path dir) throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.saveAnswer = Optional.of(dir.resolve("shop.html"));
        ReportExport export = new ReportExport(new SyncJobRunner(e -> { throw new AssertionError(e); }), dialogs,
                Messages.forLocale(Locale.SIMPLIFIED_CHINESE),
                () -> List.of(CannedResults.of(RunRequest.defaults(List.of("sessions")))),
                List::of, analysis -> Optional.of(RunRequest.defaults(List.of("sessions"))));
        long first = (Long) CannedResults.of(RunRequest.defaults(List.of("sessions"))).table("top_categories").rows()
                .get(0).get(1);
        export.useCategoryNames(() -> java.util.Map.of(first, "手机"));

        export.export();

        assertThat(dialogs.errors).isEmpty();
        String html = Files.readString(dir.resolve("shop.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"zh-CN\">", "<title>ShopLens 报告</title>", "用户会话", "访问时长（各区间会话数）",
                        "手机 (" + first + ")")
                .doesNotContain("The run", "Visit length");
    }
}
