package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.cli.AnalysisOptions;

class RunRequestTest {

    @Test
    void allMeansEveryAnalysisInCanonicalOrder() {
        assertThat(RunRequest.analysesOf(List.of("all"))).containsExactly("sessions", "pages", "products", "ads", "gmv",
                "funnel");
        assertThat(RunRequest.analysesOf(List.of("gmv", " Sessions", "gmv"))).containsExactly("sessions", "gmv");
        assertThatThrownBy(() -> RunRequest.analysesOf(List.of("")))
                .hasMessageContaining("No analysis chosen");
    }

    @Test
    void argumentsRepeatTheSameRequest() {
        RunRequest original = parse("--analysis", "pages,gmv", "--from", "2019-07-17", "--to", "2019-07-20",
                "--ages", "20-45", "--professionals", "teacher, engineer", "--cities", "北京", "--sex", "female",
                "--keywords", "火锅,a\"b,'; drop", "--categories", "3,4", "--page-flow", "1,3,5",
                "--window-minutes", "30", "--sample", "7", "--seed", "9", "--blacklist-threshold", "50",
                "--time-zone", "Asia/Shanghai", "--base", "2019-07-17..2019-07-18", "--current", "2019-07-19..2019-07-20",
                "--funnel-steps", "page:3, search:火锅,click:category:4,pay", "--funnel-order", "ANY", "--funnel-unit",
                "user", "--funnel-breakdown", "age_group", "--attribution", "step:2");

        RunRequest again = parse(original.toArguments().toArray(String[]::new));

        assertThat(again).isEqualTo(original);
        assertThat(original.filter().professionals()).containsExactly("teacher", "engineer");
        assertThat(original.toCommandLine()).contains("--keywords '火锅,a\"b,'\\''; drop'");
        assertThat(original.toArguments()).containsSubsequence("--funnel-steps", "page:3,search:火锅,click:category:4,pay",
                "--funnel-order", "any", "--funnel-unit", "user", "--funnel-breakdown", "age_group", "--attribution",
                "step:2");
        // One --window-minutes for both funnels.
        assertThat(original.funnel().window()).contains(30);
        assertThat(original.pages().windowMinutes()).contains(30);
    }

    @Test
    void aUserFunnelWithoutAWindowGetsSevenDaysAndThePageFunnelNone() {
        RunRequest request = parse("--funnel-unit", "user");

        assertThat(request.funnel().window()).contains(10080);
        assertThat(request.pages().windowMinutes()).isEmpty();
        assertThat(parse(request.toArguments().toArray(String[]::new))).isEqualTo(request);
        assertThat(request.toArguments()).doesNotContain("--window-minutes");
    }

    @Test
    void theTwoFunnelsCannotHoldDifferentWindows() {
        RunRequest defaults = RunRequest.defaults(List.of("pages", "funnel"));
        assertThatThrownBy(() -> new RunRequest(defaults.analyses(), defaults.filter(), defaults.sessions(),
                new io.shoplens.engine.pages.PageConversionAnalysis.PageParams(List.of(1L, 2L), java.util.Optional.of(5)),
                defaults.products(), defaults.ads(), defaults.gmv(), defaults.funnel()))
                .hasMessageContaining("share --window-minutes");
    }

    private static RunRequest parse(String... args) {
        return AnalysisOptions.parse(List.of(args));
    }
}
