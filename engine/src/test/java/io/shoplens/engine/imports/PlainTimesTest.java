package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The import reads plain dates and times without the formatter: every text must give what the
 * strict formatter gives, the same value or the same rejection.
 */
class PlainTimesTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    @Test
    void datesAreReadAsTheStrictFormatterReadsThem() {
        List<String> texts = new ArrayList<>(List.of("2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29",
                "0000-01-01", "9999-12-31", "2024-13-01", "2024-00-10", "2024-04-31", "2024-04-30", "2024-1-01",
                " 2024-01-05 ", "2024/01/05", "+2024-01-05", "20240105", "2024-01-0a", "١٢٣٤-01-01", ""));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
        }
        for (String text : texts) {
            assertThat(outcome(() -> RowParser.date("date", text)))
                    .as(text).isEqualTo(outcome(() -> LocalDate.parse(text.trim(), DATE)));
        }
    }

    @Test
    void timesAreReadAsTheStrictFormatterReadsThem() {
        List<String> texts = new ArrayList<>(List.of("2024-02-29 23:59:59", "2023-02-29 00:00:00",
                "2024-01-01 24:00:00", "2024-01-01 23:60:00", "2024-01-01 23:59:60", "2024-01-01T10:00:00",
                "2024-01-01 10:00", "2024-01-01 10:00:00.5", " 2024-01-01 10:00:00 ", "2024-01-01  10:00:00",
                "2024-01-01 1:00:00", "0000-01-01 00:00:00", "2024-01-01 10:0a:00"));
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format("%04d-%02d-%02d %02d:%02d:%02d", 1990 + random.nextInt(60), 1 + random.nextInt(12),
                    1 + random.nextInt(31), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
        }
        for (String text : texts) {
            assertThat(outcome(() -> RowParser.time("action_time", text)))
                    .as(text).isEqualTo(outcome(() -> LocalDateTime.parse(text.trim(), TIME)));
        }
    }

    private interface Parse {
        Object get() throws Exception;
    }

    /** The value, or "rejected" for either way of saying no. */
    private static Object outcome(Parse parse) {
        try {
            return parse.get();
        } catch (RowRejectedException | DateTimeParseException e) {
            return "rejected";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
