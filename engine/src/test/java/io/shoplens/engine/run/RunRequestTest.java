package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.audience.Item;
import io.shoplens.engine.cli.AnalysisOptions;
import io.shoplens.engine.funnel.Attribution;
import io.shoplens.engine.funnel.FunnelDimension;
import io.shoplens.engine.funnel.FunnelOrder;
import io.shoplens.engine.funnel.FunnelUnit;

class RunRequestTest {

    @Test
    void allMeansEveryAnalysisInCanonicalOrder() {
        assertThat(RunRequest.analysesOf(List.of("all"))).containsExactly("sessions", "pages", "products", "ads", "gmv",
                "funnel", "audience");
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
                "user", "--funnel-breakdown", "age_group", "--attribution", "step:2",
                "--target", "category:3", "--lapsed", "product:5", "--lapsed", "category:2,category:4",
                "--like-clicks", "4", "--habit-days", "3", "--min-users", "5", "--lookalikes", "20",
                "--exclude-suspects", "--min-dwell", "4", "--as-of", "2019-07-19", "--paid-channels", "display_ad,social");

        RunRequest again = parse(original.toArguments().toArray(String[]::new));

        assertThat(again).isEqualTo(original);
        assertThat(original.filter().professionals()).containsExactly("teacher", "engineer");
        assertThat(original.audience().lapsed()).extracting(Object::toString)
                .containsExactly("product:5", "category:2", "category:4");
        assertThat(original.audience().base()).isEqualTo(original.gmv().base());
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
                defaults.products(), defaults.ads(), defaults.gmv(), defaults.funnel(),
                defaults.audience()))
                .hasMessageContaining("share --window-minutes");
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
    void theFunnelsParametersSurviveTheRecordedJson() {
        RunRequest original = parse("--analysis", "funnel,pages", "--window-minutes", "45", "--funnel-steps",
                "page:3,search:火锅 \"辣\",click:product:9,order:category:4,pay:product:9", "--funnel-order", "strict",
                "--funnel-unit", "user", "--funnel-breakdown", "keyword", "--attribution", "step:3");

        RunRequest back = RunRequest.fromJson(original.toJson());

        assertThat(back).isEqualTo(original);
        assertThat(back.funnel().stepsText()).isEqualTo("page:3,search:火锅 \"辣\",click:product:9,"
                + "order:category:4,pay:product:9");
        assertThat(back.funnel().order()).isEqualTo(FunnelOrder.STRICT);
        assertThat(back.funnel().unit()).isEqualTo(FunnelUnit.USER);
        assertThat(back.funnel().breakdown()).contains(FunnelDimension.KEYWORD);
        assertThat(back.funnel().attribution()).isEqualTo(Attribution.step(3));
        assertThat(back.funnel().window()).contains(45);
    }

    @Test
    void aUserFunnelsDefaultWindowStaysUnwrittenThroughTheJson() {
        RunRequest original = parse("--analysis", "funnel", "--funnel-unit", "user", "--attribution", "last_touch");

        RunRequest back = RunRequest.fromJson(original.toJson());

        assertThat(back).isEqualTo(original);
        assertThat(back.funnel().windowMinutes()).isEmpty();
        assertThat(back.funnel().window()).contains(10080);
        assertThat(back.funnel().attribution()).isEqualTo(Attribution.LAST_TOUCH);
    }

    @Test
    void aRunRecordedBeforeTheFunnelReadsBackWithTheFunnelsDefaults() throws Exception {
        RunRequest original = parse("--analysis", "pages", "--window-minutes", "30");
        ObjectMapper json = new ObjectMapper();
        ObjectNode recorded = (ObjectNode) json.readTree(original.toJson());
        ((ObjectNode) recorded.get("request")).remove("funnel");

        RunRequest back = RunRequest.fromJson(recorded.toString());

        assertThat(back).isEqualTo(original);
        assertThat(back.funnel().stepsText()).isEqualTo("search,click,order,pay");
        assertThat(back.funnel().window()).contains(30);
    }

    @Test
    void someOfTheAnalysesKeepTheFunnelsParameters() {
        RunRequest request = parse("--funnel-steps", "search,pay", "--funnel-order", "any", "--funnel-breakdown",
                "channel");

        RunRequest some = request.onlyAnalyses(List.of("funnel"));

        assertThat(some.analyses()).containsExactly("funnel");
        assertThat(some.funnel()).isEqualTo(request.funnel());
        assertThat(some.paramsOf("funnel")).isEqualTo(request.funnel());
    }

    @Test
    void theRecordedJsonGivesBackEveryAudienceOption() {
        RunRequest original = parse("--analysis", "audience", "--exclude-suspects", "--base", "2019-07-01..2019-07-07",
                "--current", "2019-07-08..2019-07-14", "--target", "product:70", "--lapsed", "category:5",
                "--lapsed", "product:9", "--like-clicks", "4", "--habit-days", "3", "--min-users", "0",
                "--lookalikes", "7", "--min-dwell", "0", "--as-of", "2019-07-13", "--paid-channels", "display_ad,social");
        AudienceParams audience = original.audience();
        RunRequest withComma = new RunRequest(original.analyses(), original.filter(), original.sessions(),
                original.pages(), original.products(), original.ads(), original.gmv(), original.funnel(),
                new AudienceParams(audience.base(), audience.current(), audience.target(), audience.lapsed(),
                        audience.likeClicks(), audience.habitDays(), audience.minUsers(), audience.lookalikes(),
                        audience.minDwellSeconds(), audience.asOf(), List.of("display_ad", "ads, paid")));

        RunRequest back = RunRequest.fromJson(withComma.toJson());

        assertThat(back).isEqualTo(withComma);
        assertThat(back.audience().target()).contains(new Item(Item.Level.PRODUCT, 70));
        assertThat(back.audience().lapsed()).extracting(Object::toString).containsExactly("category:5", "product:9");
        assertThat(back.audience().asOf()).contains(LocalDate.of(2019, 7, 13));
        assertThat(back.audience().paidChannels()).containsExactly("display_ad", "ads, paid");
        assertThat(back.filter().excludeSuspects()).isTrue();
        assertThat(RunRequest.fromJson(original.toJson())).isEqualTo(original);
        assertThat(RunRequest.argumentsOf(original.toJson())).containsSequence("--target", "product:70")
                .containsSequence("--lapsed", "category:5", "--lapsed", "product:9")
                .containsSequence("--min-dwell", "0").containsSequence("--as-of", "2019-07-13")
                .containsSequence("--paid-channels", "display_ad,social").contains("--exclude-suspects");
    }

    @Test
    void someOfTheAnalysesKeepTheAudienceOptions() {
        RunRequest original = parse("--analysis", "all", "--target", "category:3", "--min-dwell", "4");

        RunRequest some = original.onlyAnalyses(List.of("audience"));

        assertThat(some.analyses()).containsExactly("audience");
        assertThat(some.audience()).isEqualTo(original.audience());
        assertThat(some.paramsOf("audience")).isEqualTo(original.audience());
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
