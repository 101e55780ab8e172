package io.shoplens.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class SparseLongColumnTest {

    @Test
    void readsEachRowsValueAndTheDefaultElsewhere() {
        Random random = new Random(11);
        TreeMap<Integer, Long> set = new TreeMap<>();
        SparseLongColumn.Builder builder = new SparseLongColumn.Builder();
        for (int row = 0; row < 5_000; row++) {
            // Runs of dense and of empty words, and rows on word edges (0, 63, 64, ...).
            boolean dense = (row / 200) % 2 == 0;
            if (row % 64 == 0 || row % 64 == 63 || random.nextInt(dense ? 2 : 40) == 0) {
                long value = random.nextLong();
                set.put(row, value);
                builder.set(row, value);
            }
        }
        SparseLongColumn column = builder.build();
        assertEquals(set.size(), column.count());
        for (int row = 0; row < 5_100; row++) {
            assertEquals(set.containsKey(row), column.has(row), "row " + row);
            assertEquals(set.getOrDefault(row, -7L), column.get(row, -7L), "row " + row);
        }
    }

    @Test
    void anEmptyColumnHasNoRow() {
        SparseLongColumn column = new SparseLongColumn.Builder().build();
        assertEquals(0, column.count());
        assertEquals(false, column.has(0));
        assertEquals(3L, column.get(1_000, 3L));
    }

    @Test
    void rowsMustComeInIncreasingOrder() {
        SparseLongColumn.Builder builder = new SparseLongColumn.Builder().set(5, 1L);
        assertThrows(IllegalArgumentException.class, () -> builder.set(5, 2L));
    }
}
