package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.cli.AnalysisOptions;

class RunRequestTest {

    @Test
    void allMeansEveryAnalysisInCanonicalOrder() {
        assertThat(RunRequest.analysesOf(List.of("all"))).containsExactly("sessions", "pages", "products", "ads", "gmv");
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
                "--time-zone", "Asia/Shanghai", "--base", "2019-07-17..2019-07-18", "--current", "2019-07-19..2019-07-20");

        RunRequest again = parse(original.toArguments().toArray(String[]::new));

        assertThat(again).isEqualTo(original);
        assertThat(original.filter().professionals()).containsExactly("teacher", "engineer");
        assertThat(original.toCommandLine()).contains("--keywords '火锅,a\"b,'\\''; drop'");
    }

    @Test
    void theRecordedJsonGivesBackTheRequestListValuesWithCommasIncluded() {
        RunRequest original = parse("--analysis", "sessions,gmv", "--from", "2019-07-17", "--ages", "20-45",
                "--cities", "北京", "--categories", "3,4", "--window-minutes", "30", "--sample", "0",
                "--time-zone", "Asia/Shanghai", "--base", "2019-07-17..2019-07-18", "--current", "2019-07-19..2019-07-20");
        RunRequest withCommas = new RunRequest(original.analyses(),
                original.filter().withKeywords(List.of("火锅,烧烤", "a\"b")).withProfessionals(List.of("teacher, retired")),
                original.sessions(), original.pages(), original.products(), original.ads(), original.gmv());

        RunRequest back = RunRequest.fromJson(withCommas.toJson());

        assertThat(back).isEqualTo(withCommas);
        assertThat(back.filter().keywords()).containsExactly("火锅,烧烤", "a\"b");
        assertThat(back.filter().professionals()).containsExactly("teacher, retired");
        assertThat(RunRequest.argumentsOf(withCommas.toJson())).isEqualTo(withCommas.toArguments());
    }

    @Test
    void aRunRecordedWithItsArgumentsOnlyIsReadFromThem() {
        List<String> arguments = List.of("--analysis", "pages", "--to", "2019-07-20", "--professionals",
                "teacher,engineer", "--page-flow", "1,3,5", "--window-minutes", "30", "--sample", "7", "--seed", "9",
                "--blacklist-threshold", "50", "--time-zone", "Asia/Shanghai");
        String older = "{\"arguments\":[\"" + String.join("\",\"", arguments) + "\"],"
                + "\"command_line\":\"" + String.join(" ", arguments) + "\"}";

        assertThat(RunRequest.fromJson(older)).isEqualTo(parse(arguments.toArray(String[]::new)));
        assertThat(RunRequest.argumentsOf(older)).isEqualTo(arguments);
        assertThatThrownBy(() -> RunRequest.fromJson("{}")).isInstanceOf(IllegalArgumentException.class);
    }

    private static RunRequest parse(String... args) {
        return AnalysisOptions.parse(List.of(args));
    }
}
