package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A hand-made session through the compact columns and back: every field as it went in, unset ids,
 * null and empty lists, unknown amounts and odd doubles included; equal texts and lists kept once;
 * a date cut and a user's path over two sessions in Spark's order of the action structs.
 */
class ActionColumnsTest {

    private static final long NONE = MemoryAction.NONE;
    private static final long T = 1_563_400_000L;

    /** A search, a click with -1 for the unset category, an order, a pay without an amount, a pay with one. */
    private static final List<MemoryAction> SESSION = List.of(
            action(T, "a.csv", 4L, 18095, 7L, 1L, "火锅", NONE, NONE, null, null, null, null, 3L, "search", null, NONE),
            action(T + 30, "a.csv", 5L, 18095, 7L, 2L, "", -1L, 55L, null, null, null, null, 3L, "search", null, NONE),
            action(T + 30, "b.csv", 1L, 18095, 7L, NONE, null, NONE, NONE, new long[] {1, 3}, new long[0], null,
                    null, NONE, null, null, NONE),
            action(T + 90, "b.csv", 2L, 18096, NONE, 9L, " ", NONE, NONE, null, null, new long[] {1, 3},
                    new long[] {NONE, 12}, 3L, "search", -0.0, NONE),
            action(T + 3_000_000_000L, null, 9_000_000_000L, 18096, 7L, 9L, null, NONE, NONE, null, null,
                    new long[0], new long[] {12}, 3L, "social", Double.NaN, 12_500_000L));

    @Test
    void everyFieldReadsBackAsItWentIn() {
        ActionRows rows = ActionRows.of(SESSION);
        assertThat(rows.size()).isEqualTo(5);
        for (int i = 0; i < SESSION.size(); i++) {
            assertSame(rows.get(i), SESSION.get(i));
        }
        assertThat(rows.get(3).payAmount()).isEqualTo(-0.0).isNegative();
        assertThat(rows.get(4).payAmount()).isNaN();
        assertThat(rows.get(2).orderProducts()).isEmpty();
        assertThat(rows.get(0).orderProducts()).isNull();
    }

    @Test
    void whatAnAnalysisAsksOfAnActionIsAnsweredFromTheColumns() {
        ActionRows rows = ActionRows.of(SESSION);
        assertThat(IntStream.range(0, 5).mapToObj(rows::isClick)).containsExactly(false, true, false, false, false);
        assertThat(IntStream.range(0, 5).mapToObj(rows::isOrder)).containsExactly(false, false, true, false, false);
        assertThat(IntStream.range(0, 5).mapToObj(rows::isPay)).containsExactly(false, false, false, true, true);
        assertThat(IntStream.range(0, 5).mapToLong(rows::amountMicros)).containsExactly(NONE, NONE, NONE, NONE,
                12_500_000L);
        assertThat(IntStream.range(0, 5).mapToLong(rows::userId)).containsExactly(7L, 7L, 7L, NONE, 7L);
    }

    @Test
    void equalTextsAndListsAreKeptOnce() {
        ActionColumns.Builder b = new ActionColumns.Builder();
        SESSION.forEach(b::add);
        b.add(action(T + 99, "b.csv", 3L, 18096, 7L, NONE, null, NONE, NONE, new long[] {1, 3}, null, null, null,
                NONE, new String("social"), null, NONE));
        ActionColumns c = b.build();
        assertThat(c.orderCategories(5)).isSameAs(c.orderCategories(2)).containsExactly(1, 3);
        assertThat(c.channel(5)).isSameAs(c.channel(4));
        // time 8 (it spans more than an int), line 8 (so does it), and one byte each for the file,
        // date, user, page, keyword, click category, click product, the four lists' numbers, city
        // and channel.
        assertThat(c.rowWidth()).isEqualTo(29);
    }

    @Test
    void aDateCutKeepsTheActionsOfItsDatesInOrder() {
        ActionRows rows = ActionRows.of(SESSION);
        ActionRows second = rows.keptWhere(i -> rows.date(i) == 18096);
        assertThat(second.size()).isEqualTo(2);
        assertSame(second.get(0), SESSION.get(3));
        assertSame(second.get(1), SESSION.get(4));
    }

    @Test
    void aUsersPathTakesTheActionsOfItsSessionsInSparksStructOrder() {
        ActionColumns.Builder b = new ActionColumns.Builder();
        // Session one: lines 7 and 9 of a.csv at T; session two: line 8 of a.csv and a null file at T, then T - 5.
        List<MemoryAction> one = List.of(
                action(T, "a.csv", 7L, 1, 7L, 1L, null, NONE, NONE, null, null, null, null, NONE, null, null, NONE),
                action(T, "a.csv", 9L, 1, 7L, 2L, null, NONE, NONE, null, null, null, null, NONE, null, null, NONE));
        List<MemoryAction> two = List.of(
                action(T - 5, "z.csv", 1L, 1, 7L, 3L, null, NONE, NONE, null, null, null, null, NONE, null, null,
                        NONE),
                action(T, null, 100L, 1, 7L, 4L, null, NONE, NONE, null, null, null, null, NONE, null, null, NONE),
                action(T, "a.csv", 8L, 1, 7L, 5L, null, NONE, NONE, null, null, null, null, NONE, null, null, NONE));
        one.forEach(b::add);
        two.forEach(b::add);
        ActionColumns c = b.build();
        ActionRows path = ActionRows.inSparkOrder(List.of(ActionRows.run(c, 0, 2), ActionRows.run(c, 2, 3)));
        assertThat(IntStream.range(0, path.size()).mapToLong(path::pageId)).containsExactly(3L, 4L, 1L, 5L, 2L);
    }

    @Test
    void aUsersPathIsTheComparatorsOrderWhateverTheTimesTiesAndSpan() {
        // Many ties in time (decided by file, line, lists, amounts), and once times too far apart
        // to share a long with the row: the sort by time and place must give the comparator's order.
        for (long span : new long[] {3, 1L << 40}) {
            Random random = new Random(span);
            ActionColumns.Builder b = new ActionColumns.Builder();
            List<Integer> sizes = new ArrayList<>();
            int rows = 0;
            for (int part = 0; part < 6; part++) {
                int size = 1 + random.nextInt(8);
                for (int i = 0; i < size; i++) {
                    long time = random.nextInt(3) == 0 ? T + span : T + random.nextInt(3);
                    String file = random.nextBoolean() ? null : "f" + random.nextInt(2) + ".csv";
                    long[] pays = random.nextBoolean() ? null : new long[] {random.nextInt(2)};
                    Double amount = random.nextBoolean() ? null : (double) random.nextInt(2);
                    b.add(action(time, file, random.nextInt(2), 1, 7L, rows + i, null, NONE, NONE, null, null, pays,
                            null, NONE, null, amount, NONE));
                }
                sizes.add(size);
                rows += size;
            }
            ActionColumns c = b.build();
            List<ActionRows> parts = new ArrayList<>();
            int first = 0;
            for (int size : sizes) {
                parts.add(ActionRows.run(c, first, size));
                first += size;
            }
            // Each page id is its row, so the path's page ids are its rows.
            Integer[] expected = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
            Arrays.sort(expected, ActionOrder.of(c));
            ActionRows path = ActionRows.inSparkOrder(parts);
            assertThat(IntStream.range(0, path.size()).mapToLong(path::pageId).boxed().toList())
                    .as("span %d", span)
                    .containsExactlyElementsOf(Arrays.stream(expected).map(Integer::longValue).toList());
        }
    }

    @Test
    void gatheredColumnsHoldTheActionsOfTheRowsGivenWithFilesLeftOutAndAmountsGiven() {
        ActionColumns.Builder builder = new ActionColumns.Builder();
        SESSION.forEach(builder::add);
        ActionColumns read = builder.build();
        int[] rows = {4, 3, 0, 3, 2, 1};

        ActionColumns asRead = read.gather(rows, false, row -> NONE);
        // Row 3 (a pay without an amount) is priced; row 4 keeps its own; the others have none.
        ActionColumns finished = read.gather(rows, true, row -> row == 3 ? 7_000_000L : row == 4 ? 1L : NONE);

        assertThat(asRead.size()).isEqualTo(rows.length);
        for (int i = 0; i < rows.length; i++) {
            MemoryAction a = SESSION.get(rows[i]);
            assertSame(asRead.action(i), a);
            assertSame(finished.action(i), new MemoryAction(a.time(), null, a.line(), a.date(), a.userId(), a.pageId(),
                    a.keyword(), a.clickCategory(), a.clickProduct(), a.orderCategories(), a.orderProducts(),
                    a.payCategories(), a.payProducts(), a.cityId(), a.channel(), a.payAmount(),
                    rows[i] == 3 ? 7_000_000L : a.amountMicros()));
        }
        assertThat(finished.action(1).payAmount()).isEqualTo(-0.0).isNegative();
    }

    /** Field by field, lists by content, doubles as {@link Double#equals} has them: NaN is NaN, -0.0 is not 0.0. */
    private static void assertSame(MemoryAction actual, MemoryAction expected) {
        assertThat(actual).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class)
                .isEqualTo(expected);
    }

    private static MemoryAction action(long time, String file, long line, int date, long userId, long pageId,
                                       String keyword, long clickCategory, long clickProduct, long[] orderCategories,
                                       long[] orderProducts, long[] payCategories, long[] payProducts, long cityId,
                                       String channel, Double payAmount, long amountMicros) {
        return new MemoryAction(time, file, line, date, userId, pageId, keyword, clickCategory, clickProduct,
                orderCategories, orderProducts, payCategories, payProducts, cityId, channel, payAmount, amountMicros);
    }
}
