package io.shoplens.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;

/** The filter choices are computed once per set of datasets, and again when an older ShopLens stored them. */
class FilterChoiceCacheTest {

    @TempDir
    Path dir;

    private final List<DatasetInfo> datasets = List.of(
            FakeEngineService.dataset(1, "a.csv", LogKind.USER_VISIT_ACTION, 10, 0, null, null));
    private final FilterChoices computed = new FilterChoices(List.of("教师"), List.of("北京"), List.of("female"),
            List.of(3L), null, null, Map.of(3L, "家电"), List.of(1L, 2L), List.of("火锅"), List.of("手机 (1)"));

    @Test
    void storedChoicesAreReadBackWithoutAsking() {
        AtomicInteger asked = new AtomicInteger();
        FilterChoiceCache cache = new FilterChoiceCache(dir.resolve("filter-choices.json"));

        assertThat(cache.choices(datasets, () -> { asked.incrementAndGet(); return computed; })).isEqualTo(computed);
        assertThat(new FilterChoiceCache(dir.resolve("filter-choices.json"))
                .choices(datasets, () -> { asked.incrementAndGet(); return computed; })).isEqualTo(computed);
        assertThat(asked).hasValue(1);
    }

    @Test
    void choicesStoredWithoutTheFunnelsPagesAreMadeAgain() throws Exception {
        FilterChoiceCache cache = new FilterChoiceCache(dir.resolve("filter-choices.json"));
        cache.choices(datasets, () -> computed);
        // What a ShopLens before the funnel's step choices wrote: the same key, no pages, keywords or products.
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("filter-choices.json").toFile());
        json.remove(List.of("pages", "keywords", "products"));
        String older = json.toString();
        assertThat(older).doesNotContain("pages").contains("教师");
        Files.writeString(dir.resolve("filter-choices.json"), older);

        AtomicInteger asked = new AtomicInteger();
        assertThat(new FilterChoiceCache(dir.resolve("filter-choices.json"))
                .choices(datasets, () -> { asked.incrementAndGet(); return computed; }).pages()).containsExactly(1L, 2L);
        assertThat(asked).hasValue(1);
    }
}
