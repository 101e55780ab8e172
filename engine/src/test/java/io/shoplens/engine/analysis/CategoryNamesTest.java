package io.shoplens.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CategoryNamesTest {

    private static final Map<Long, String> NAMES = Map.of(5L, "咖啡", 6L, "茶叶", 7L, " ");

    @Test
    void anIdWithANameShowsBoth() {
        assertThat(CategoryNames.label(5L, NAMES)).isEqualTo("咖啡 (5)");
        assertThat(CategoryNames.label(7L, NAMES)).as("a blank name").isEqualTo("7");
        assertThat(CategoryNames.label(9L, NAMES)).isEqualTo("9");
        assertThat(CategoryNames.label("5", NAMES)).as("not a number").isEqualTo("5");
    }

    @Test
    void tagsOfACategoryShowItsNameAndOtherTagsStayAsTheyAre() {
        assertThat(CategoryNames.tagLabel("likes:5", NAMES)).isEqualTo("likes:咖啡 (5)");
        assertThat(CategoryNames.tagLabel("bought:6", NAMES)).isEqualTo("bought:茶叶 (6)");
        assertThat(CategoryNames.tagLabel("category:5", NAMES)).isEqualTo("category:咖啡 (5)");
        assertThat(CategoryNames.tagLabel("likes:9", NAMES)).isEqualTo("likes:9");
        assertThat(CategoryNames.tagLabel("product:5", NAMES)).as("a product, not a category").isEqualTo("product:5");
        assertThat(CategoryNames.tagLabel("searched:5", NAMES)).as("a keyword that looks like an id")
                .isEqualTo("searched:5");
        assertThat(CategoryNames.tagLabel("likes:5x", NAMES)).isEqualTo("likes:5x");
        assertThat(CategoryNames.tagLabel("likes:99999999999999999999", NAMES)).isEqualTo("likes:99999999999999999999");
    }

    @Test
    void aListOfTagsKeepsItsSeparators() {
        assertThat(CategoryNames.tagsLabel("channel:search;likes:5;bought:6", ";", NAMES))
                .isEqualTo("channel:search;likes:咖啡 (5);bought:茶叶 (6)");
        assertThat(CategoryNames.tagsLabel("", ";", NAMES)).isEmpty();
        assertThat(CategoryNames.tagsLabel("likes:5;;sex:male", ";", NAMES)).isEqualTo("likes:咖啡 (5);;sex:male");
    }
}
