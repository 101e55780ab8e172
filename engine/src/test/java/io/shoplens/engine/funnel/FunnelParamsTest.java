package io.shoplens.engine.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FunnelParamsTest {

    @Test
    void defaultsAreTheContracts() {
        FunnelParams defaults = FunnelParams.defaults();

        assertThat(defaults.steps()).extracting(FunnelStep::definition).containsExactly("search", "click", "order", "pay");
        assertThat(defaults.order()).isEqualTo(FunnelOrder.ORDERED);
        assertThat(defaults.unit()).isEqualTo(FunnelUnit.SESSION);
        assertThat(defaults.window()).isEmpty();
        assertThat(defaults.breakdown()).isEmpty();
        assertThat(defaults.attribution()).isEqualTo(Attribution.FIRST_TOUCH);
        assertThat(FunnelParams.parse(null, null, null, null, null, null)).isEqualTo(defaults);
    }

    @Test
    void aUserFunnelHasSevenDaysUnlessAWindowIsGiven() {
        assertThat(FunnelParams.parse(null, null, "user", null, null, null).window()).contains(10080);
        assertThat(FunnelParams.parse(null, null, "user", 0, null, null).window()).contains(0);
        assertThat(FunnelParams.parse(null, null, "session", 45, null, null).window()).contains(45);
    }

    @Test
    void everyStepFormParsesAndSaysItselfBack() {
        List<FunnelStep> steps = FunnelStep.parseList(" page:5 ,search,search:火锅 锅,click,CLICK:Category:3,"
                + "click:product:30,order,order:category:4,pay,pay:category:7,pay:product:70");

        assertThat(steps).extracting(FunnelStep::definition).containsExactly("page:5", "search", "search:火锅 锅", "click",
                "click:category:3", "click:product:30", "order", "order:category:4", "pay", "pay:category:7",
                "pay:product:70");
        assertThat(steps.get(4)).isEqualTo(FunnelStep.of(FunnelStep.Kind.CLICK_CATEGORY, 3));
    }

    @Test
    void badStepsAndOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> FunnelStep.parseList("search,,pay")).hasMessageContaining("empty step");
        assertThatThrownBy(() -> FunnelStep.parse("order:product:3")).hasMessageContaining("Unknown funnel step");
        assertThatThrownBy(() -> FunnelStep.parse("page")).hasMessageContaining("Unknown funnel step 'page'");
        assertThatThrownBy(() -> FunnelStep.parse("click:3")).hasMessageContaining("Unknown funnel step");
        assertThatThrownBy(() -> FunnelStep.parse("search: ")).hasMessageContaining("empty keyword");
        assertThatThrownBy(() -> FunnelStep.parse("pay:product:x")).hasMessageContaining("'x' is not an id");
        assertThatThrownBy(() -> FunnelParams.parse("search", null, null, null, null, null))
                .hasMessageContaining("at least two steps");
        assertThatThrownBy(() -> FunnelParams.parse(null, null, null, -1, null, null))
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> FunnelParams.parse(null, null, null, null, null, "step:0"))
                .hasMessageContaining("first_touch, last_touch or step:K");
        assertThatThrownBy(() -> FunnelParams.parse(null, null, null, null, null, "step:5"))
                .hasMessageContaining("step:5 names a step");
        assertThatThrownBy(() -> FunnelParams.parse(null, "random", null, null, null, null))
                .hasMessageContaining("--funnel-order 'random' is not one of ordered, strict, any");
    }

    @Test
    void argumentsRepeatTheFunnelWithoutTheSharedWindow() {
        FunnelParams params = new FunnelParams(FunnelStep.parseList("search:火锅,pay"), FunnelOrder.STRICT,
                FunnelUnit.USER, Optional.of(60), Optional.of(FunnelDimension.KEYWORD), Attribution.LAST_TOUCH);

        assertThat(params.toArguments()).containsExactly("--funnel-steps", "search:火锅,pay", "--funnel-order", "strict",
                "--funnel-unit", "user", "--funnel-breakdown", "keyword", "--attribution", "last_touch");
        List<String> args = params.toArguments();
        assertThat(FunnelParams.parse(args.get(1), args.get(3), args.get(5), 60, args.get(7), args.get(9)))
                .isEqualTo(params);
    }
}
