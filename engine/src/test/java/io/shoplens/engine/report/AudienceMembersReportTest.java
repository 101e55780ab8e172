package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceMembers;

class AudienceMembersReportTest {

    /** Hand-made member tables: one suspect user, three paying users, four tier moves, two cohorts. */
    static AnalysisResult result() {
        return new AnalysisResult("audience", List.of(
                new ResultTable(AudienceMembers.SUSPECTS, List.of("user_id", "session_id", "rule", "detail"), List.of(
                        List.of(1L, "s1", "instant_pay", "first pay 3 s after the first action"),
                        List.of(1L, "s1", "pay_without_click", "paid without an earlier click: product 10"),
                        List.of(2L, "s5", "instant_pay", "first pay 5 s after the first action"))),
                new ResultTable(AudienceMembers.SUSPECT_USERS, AudienceMembers.SUSPECT_USER_COLUMNS, List.of(
                        List.of(1L, 2L, 3L, 4L, 120.5))),
                new ResultTable(AudienceMembers.RFM, List.of("user_id", "recency_days", "frequency", "monetary", "r",
                        "f", "m", "segment"), List.of(
                        List.of(1L, 0L, 5L, 100.0, 5L, 5L, 5L, "champions"),
                        List.of(2L, 1L, 4L, 50.0, 4L, 4L, 4L, "champions"),
                        List.of(3L, 9L, 1L, 10.0, 1L, 1L, 1L, "lost"))),
                new ResultTable(AudienceMembers.TIER_MOVES, List.of("from_segment", "to_segment", "users"), List.of(
                        List.of("champions", "cant_lose", 1L),
                        List.of("lost", "lost", 1L),
                        List.of("none", "champions", 2L))),
                new ResultTable(AudienceMembers.AMPLIFICATION, List.of("cohort", "weeks_since_first", "users",
                        "paid_sessions", "free_sessions", "free_share", "gmv_free"), List.of(
                        List.of("free_acquired", 0L, 3L, 1L, 3L, 0.75, 20.0),
                        List.of("free_acquired", 1L, 2L, 1L, 4L, 0.8, 35.5),
                        List.of("paid_acquired", 0L, 2L, 2L, 0L, 0.0, 0.0),
                        List.of("paid_acquired", 1L, 2L, 1L, 3L, 0.75, 60.0),
                        List.of("paid_acquired", 2L, 1L, 0L, 2L, 1.0, 12.0)))));
    }

    @Test
    void theSectionSaysTheSuspectsTiersMovesAndFreeShareInWords() {
        assertThat(AudienceMembersReport.paragraphs(result(), ReportText.ENGLISH)).containsExactly(
                "Fake orders: 1 suspect user (flagged by two rules or more), with 3 sessions, 4 pays and GMV 120.50."
                        + " Sessions flagged, by rule: pay_without_click 1, instant_pay 2, burst 0, concentration 0.",
                "Member tiers: 3 paying users. Users (and GMV) by segment: champions 2 (150.00), lost 1 (10.00).",
                "Tier moves: 3 of 4 users changed segment between the end of the base period and the end of the"
                        + " current one; the largest moves: none → champions 2, champions → cant_lose 1.",
                // Paid-acquired after week 0: 1 paid, 3 + 2 free (5 of 6), GMV 60 + 12.
                "Paid traffic tags, free traffic amplifies. The 2 paid-acquired users (first session on a paid"
                        + " channel) came back through free channels in 83.3% of their sessions after their first"
                        + " week, with free-channel GMV 72.00 (first week: 0.0% free). The 3 free-acquired users came"
                        + " back through free channels in 80.0% of their sessions after their first week, with"
                        + " free-channel GMV 35.50 (first week: 75.0% free).");
    }

    @Test
    void noSuspectsIsSaidSo() {
        ResultTable none = new ResultTable(AudienceMembers.SUSPECT_USERS, AudienceMembers.SUSPECT_USER_COLUMNS,
                List.of());
        assertThat(AudienceMembersReport.suspects(result().table(AudienceMembers.SUSPECTS), none, ReportText.ENGLISH)).isEqualTo(
                "Fake orders: no suspect users (no user was flagged by two rules or more). Sessions flagged, by"
                        + " rule: pay_without_click 1, instant_pay 2, burst 0, concentration 0.");
    }

    @Test
    void theGridAndTheMovesAreHeatMapsAndAmplificationIsLines() {
        List<ReportChart> charts = ReportCharts.of(result(), ReportText.ENGLISH);

        assertThat(charts).extracting(ReportChart::id)
                .containsExactly("audience-1", "audience-2", "audience-3", "audience-4", "audience-5");
        // The users grid: r = 5, f = 5 (top right) holds user 1, r = 4, f = 4 user 2, r = 1, f = 1 user 3.
        XYZDataset users = (XYZDataset) ((XYPlot) charts.get(0).chart().getPlot()).getDataset();
        assertThat(cell(users, 4, 4)).isEqualTo(1.0);
        assertThat(cell(users, 3, 3)).isEqualTo(1.0);
        assertThat(cell(users, 0, 0)).isEqualTo(1.0);
        assertThat(cell(users, 2, 2)).isEqualTo(0.0);
        XYZDataset gmv = (XYZDataset) ((XYPlot) charts.get(1).chart().getPlot()).getDataset();
        assertThat(cell(gmv, 4, 4)).isEqualTo(100.0);
        // Moves: rows bottom to top are none, lost, …, champions; columns champions … none.
        XYZDataset moves = (XYZDataset) ((XYPlot) charts.get(2).chart().getPlot()).getDataset();
        assertThat(cell(moves, 0, 0)).as("none → champions").isEqualTo(2.0);
        assertThat(cell(moves, 9, 5)).as("champions → cant_lose").isEqualTo(1.0);
        XYPlot sessions = (XYPlot) charts.get(3).chart().getPlot();
        assertThat(sessions.getDataset().getSeriesCount()).isEqualTo(4);
        assertThat(sessions.getDataset().getSeriesKey(0)).isEqualTo("paid-acquired, free sessions");
        assertThat(sessions.getDataset().getYValue(0, 1)).isEqualTo(3.0);
        for (ReportChart chart : charts) {
            assertThat(ChartExporter.svgElement(chart.chart(), chart.width(), chart.height(), chart.id()))
                    .startsWith("<svg");
        }
    }

    @Test
    void otherAnalysesHaveNoMemberPart() {
        AnalysisResult gmv = new AnalysisResult("gmv", List.of());
        assertThat(AudienceMembersReport.paragraphs(gmv, ReportText.ENGLISH)).isEmpty();
        assertThat(AudienceMembersReport.figures(gmv, ReportText.ENGLISH)).isEmpty();
    }

    @Test
    void theRunsNotesArePrintedWithTheRun() {
        Report report = ReportBuilder.build("t", ReportFixture.CREATED, ReportFixture.datasets(),
                ReportFixture.request(), ReportFixture.results(),
                List.of("excluded 1 suspect user (2 sessions), found on the unfiltered data"), ReportText.ENGLISH,
                java.util.Map.of());
        assertThat(report.notes()).containsExactly("excluded 1 suspect user (2 sessions), found on the unfiltered data");
        assertThat(HtmlReport.render(report))
                .contains("<p class=\"bridge\">Excluded 1 suspect user (2 sessions), found on the unfiltered data.</p>");
    }

    /** The value of the cell in row {@code r}, column {@code c} (rows and columns from 0). */
    private static double cell(XYZDataset data, int r, int c) {
        for (int i = 0; i < data.getItemCount(0); i++) {
            if (data.getXValue(0, i) == c && data.getYValue(0, i) == r) {
                return data.getZValue(0, i);
            }
        }
        throw new AssertionError("no cell " + r + "," + c);
    }
}
