package io.shoplens.engine.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.text.Text;

/** The dropoff rows come in the general order (level, then id, a null first) whatever the ids are. */
class DropoffOrderTest {

    /** The order the table had before the ids were sorted by kind. */
    private static final Comparator<FunnelCounts.Drop> GENERAL = Comparator.comparingInt(FunnelCounts.Drop::level)
            .thenComparing(FunnelCounts.Drop::unitId, (a, b) -> {
                if (a == null || b == null) {
                    return a == null ? (b == null ? 0 : -1) : 1;
                }
                return a instanceof Long x ? Long.compare(x, (Long) b) : Text.compare((String) a, (String) b);
            });

    @Test
    void sessionIdsComeInCodePointOrderWithAndWithoutSurrogates() {
        // U+FF5E sorts before U+1F600 (a surrogate pair) in code point order, after it in UTF-16.
        String[] pieces = {"a", "B", "é", "火锅", "\uFF5E", "\uD83D\uDE00", "", " "};
        for (boolean surrogates : new boolean[] {false, true}) {
            Random random = new Random(surrogates ? 1 : 2);
            List<FunnelCounts.Drop> drops = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                StringBuilder id = new StringBuilder();
                for (int k = random.nextInt(4); k > 0; k--) {
                    id.append(pieces[random.nextInt(surrogates ? pieces.length : 5)]);
                }
                drops.add(new FunnelCounts.Drop(1 + random.nextInt(3), random.nextInt(20) == 0 ? null : id.toString()));
            }
            assertThat(DropoffOrder.rows(drops)).containsExactlyElementsOf(expected(drops));
        }
    }

    @Test
    void asciiIdsSortedByTheirFirstCharactersComeInCodePointOrderToo() {
        // Short ids, NULs, long shared beginnings, and characters beyond the packed ones that
        // only the comparison of texts can order (a surrogate pair against U+FF5E).
        String[] pieces = {"\0", "a", "b", "~", " ", "\uFF5E", "\uD83D\uDE00", "é"};
        Random random = new Random(4);
        List<FunnelCounts.Drop> drops = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder id = new StringBuilder(random.nextBoolean() ? "" : "aaaaaaaaaaa");
            for (int k = random.nextInt(12); k > 0; k--) {
                id.append(pieces[random.nextInt(id.length() >= 11 ? pieces.length : 5)]);
            }
            drops.add(new FunnelCounts.Drop(1 + random.nextInt(2), id.toString()));
        }
        assertThat(DropoffOrder.rows(drops)).containsExactlyElementsOf(expected(drops));
    }

    @Test
    void userIdsComeInNumberOrderNullsFirst() {
        Random random = new Random(3);
        List<FunnelCounts.Drop> drops = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Long id = random.nextInt(20) == 0 ? null : random.nextLong() >> random.nextInt(64);
            drops.add(new FunnelCounts.Drop(1 + random.nextInt(3), id));
        }
        drops.add(new FunnelCounts.Drop(2, Long.MIN_VALUE));
        drops.add(new FunnelCounts.Drop(2, Long.MAX_VALUE));
        assertThat(DropoffOrder.rows(drops)).containsExactlyElementsOf(expected(drops));
    }

    @Test
    void levelsOutOfRangeTakeTheGeneralOrder() {
        List<FunnelCounts.Drop> drops = List.of(new FunnelCounts.Drop(Integer.MAX_VALUE, "b"),
                new FunnelCounts.Drop(-1, "a"), new FunnelCounts.Drop(2, 7L), new FunnelCounts.Drop(2, null));
        assertThat(DropoffOrder.rows(drops)).containsExactlyElementsOf(expected(drops));
    }

    @Test
    void noDropsNoRows() {
        assertThat(DropoffOrder.rows(List.of())).isEmpty();
    }

    private static List<List<Object>> expected(List<FunnelCounts.Drop> drops) {
        return drops.stream().sorted(GENERAL).map(d -> Arrays.asList((Object) (long) d.level(), d.unitId())).toList();
    }
}
