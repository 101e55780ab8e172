package io.shoplens.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            List.of(3L), null, null, Map.of(3L, "家电"), List.of(1L, 2L), List.of("火锅"), List.of(1L),
            Map.of(1L, "手机"));

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
        // What a ShopLens before the funnel's step choices wrote: the same key, no pages, keywords or products.
        storeThenRewrite(json -> json.remove(List.of("pages", "keywords", "productIds", "productNames")));

        assertThat(choicesAskingOnce().pages()).containsExactly(1L, 2L);
    }

    @Test
    void choicesStoredWithProductsAsTextAreMadeAgain() throws Exception {
        // What a ShopLens before product ids wrote: the same key, products as the pickers showed them.
        storeThenRewrite(json -> {
            json.remove(List.of("productIds", "productNames"));
            json.putArray("products").add("手机 (1)");
        });

        assertThat(choicesAskingOnce().products()).containsExactly(1L);
    }

    private void storeThenRewrite(Consumer<ObjectNode> older) throws IOException {
        new FilterChoiceCache(dir.resolve("filter-choices.json")).choices(datasets, () -> computed);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(dir.resolve("filter-choices.json").toFile());
        older.accept(json);
        assertThat(json.toString()).contains("教师");
        Files.writeString(dir.resolve("filter-choices.json"), json.toString());
    }

    /** The choices a fresh cache gives, asserting that it computed them, once. */
    private FilterChoices choicesAskingOnce() {
        AtomicInteger asked = new AtomicInteger();
        FilterChoices choices = new FilterChoiceCache(dir.resolve("filter-choices.json"))
                .choices(datasets, () -> { asked.incrementAndGet(); return computed; });
        assertThat(asked).hasValue(1);
        return choices;
    }
}
