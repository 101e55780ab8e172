package io.shoplens.app.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;

/**
 * The audience says which tags the fake-order suspects move. Five tagged users with the suspect,
 * four without; price:low 50% → 25%, likes:7 60% → 75%, suspect 20% → none (not a move);
 * likes:7's odds ratio 4.0 → 1.6.
 */
class AudienceSuspectsTest {

    private static final AnalysisResult WITH = audience(5,
            List.of(tag("likes:7", 0.6), tag("price:low", 0.5), tag("suspect", 0.2)), List.of(odds("likes:7", 4.0)));
    private static final AnalysisResult WITHOUT = audience(4,
            List.of(tag("likes:7", 0.75), tag("price:low", 0.25)), List.of(odds("likes:7", 1.6)));

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final AudienceViewModel model = new AudienceViewModel(engine, new SyncJobRunner(e -> { }),
            new RecordingDialogs(), Messages.forLocale(Locale.ENGLISH));

    @Test
    void itNamesTheTagsWhoseShareAndOddsRatioTheSuspectsMove() {
        engine.answerRunsWith(request -> request.filter().excludeSuspects() ? WITHOUT : WITH);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("Without the one fake-order suspect user tagged here,"
                + " 2 tags change share by 2 points or more: price:low 50.0% → 25.0%, likes:7 60.0% → 75.0%;"
                + " the odds ratio of 1 tag changes by a factor of 1.5 or more: likes:7 4.00 → 1.60.");
        assertThat(model.canExcludeSuspectsProperty().get()).isTrue();
        assertThat(engine.comparisons()).singleElement().satisfies(compared -> {
            assertThat(compared.filter()).isEqualTo(SessionFilter.NONE.withExcludeSuspects(true));
            assertThat(compared.audience()).isEqualTo(engine.requests().get(0).audience());
        });

        model.freshness().filterProperty().set(SessionFilter.NONE.withExcludeSuspects(true));
        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("The one fake-order suspect user tagged here is left out."
                + " With them, 2 tags change share by 2 points or more: price:low 25.0% → 50.0%, likes:7 75.0% → 60.0%;"
                + " the odds ratio of 1 tag changes by a factor of 1.5 or more: likes:7 1.60 → 4.00.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    @Test
    void inChinese() {
        AudienceViewModel chinese = new AudienceViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
                Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        engine.answerRunsWith(request -> request.filter().excludeSuspects() ? WITHOUT : WITH);
        chinese.hasDataProperty().set(true);

        chinese.run();

        assertThat(chinese.suspectsProperty().get()).isEqualTo("排除此处带标签的 1 位刷单可疑用户后，2 个标签的占比变化达"
                + " 2 个百分点或以上：price:low 50.0% → 25.0%，likes:7 60.0% → 75.0%；1 个标签的优势比变化达 1.5 倍或以上："
                + "likes:7 4.00 → 1.60。");
    }

    @Test
    void withoutAnySuspectItSaysLeavingThemOutChangesNothing() {
        engine.answerRunsWith(request -> WITHOUT);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(engine.comparisons()).extracting(RunRequest::filter)
                .containsExactly(SessionFilter.NONE.withExcludeSuspects(true));
        assertThat(model.suspectsProperty().get())
                .isEqualTo("No fake-order suspect users in these sessions: leaving them out changes nothing.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    @Test
    void aTagThatLeavesTagLiftHasTooFewUsersThere() {
        engine.answerRunsWith(request -> request.filter().excludeSuspects()
                ? audience(4, List.of(tag("likes:7", 0.75)), List.of(odds("likes:7", 4.0)))
                : audience(5, List.of(tag("likes:7", 0.76)), List.of(odds("likes:7", 4.0), odds("city:西安", 0.43))));
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("Without the one fake-order suspect user tagged here,"
                + " no tag changes share by 2 points or more; the odds ratio of 1 tag changes by a factor of 1.5 or"
                + " more: city:西安 0.43 → too few users.");
    }

    @Test
    void manyMovesAreCountedBeyondTheFirstThree() {
        List<List<Object>> before = new ArrayList<>();
        List<List<Object>> after = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            before.add(tag("likes:" + i, 0.1 * i));
            after.add(tag("likes:" + i, 0.1 * i + 0.01 * (i + 2)));
        }
        engine.answerRunsWith(request -> request.filter().excludeSuspects()
                ? audience(4, after, List.of()) : audience(6, before, List.of()));
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("Without the 2 fake-order suspect users tagged here,"
                + " 5 tags change share by 2 points or more: likes:5 50.0% → 57.0%, likes:4 40.0% → 46.0%,"
                + " likes:3 30.0% → 35.0%, and 2 more; no odds ratio changes by a factor of 1.5 or more.");
    }

    /** An audience result with users 1…{@code users} tagged, the given tags and tag lift; the other tables empty. */
    static AnalysisResult audience(int users, List<List<Object>> tags, List<List<Object>> lift) {
        List<List<Object>> userTags = new ArrayList<>();
        for (long user = 1; user <= users; user++) {
            userTags.add(List.of(user, "channel:search"));
        }
        return new AnalysisResult("audience", List.of(
                new ResultTable("user_tags", List.of("user_id", "tag"), userTags),
                new ResultTable("tags", List.of("tag", "users", "share"), tags),
                new ResultTable("tag_lift", List.of("tag", "seed_users", "other_users", "lift", "odds_ratio"), lift)));
    }

    private static List<Object> tag(String tag, double share) {
        return List.of(tag, 0L, share);
    }

    private static List<Object> odds(String tag, double oddsRatio) {
        return List.of(tag, 0L, 0L, 1.0, oddsRatio);
    }
}
