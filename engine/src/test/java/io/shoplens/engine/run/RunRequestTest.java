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
                "audience");
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
                "--target", "category:3", "--lapsed", "product:5", "--lapsed", "category:2,category:4",
                "--like-clicks", "4", "--habit-days", "3", "--min-users", "5", "--lookalikes", "20");

        RunRequest again = parse(original.toArguments().toArray(String[]::new));

        assertThat(again).isEqualTo(original);
        assertThat(original.filter().professionals()).containsExactly("teacher", "engineer");
        assertThat(original.audience().lapsed()).extracting(Object::toString)
                .containsExactly("product:5", "category:2", "category:4");
        assertThat(original.audience().base()).isEqualTo(original.gmv().base());
        assertThat(original.toCommandLine()).contains("--keywords '火锅,a\"b,'\\''; drop'");
    }

    private static RunRequest parse(String... args) {
        return AnalysisOptions.parse(List.of(args));
    }
}
