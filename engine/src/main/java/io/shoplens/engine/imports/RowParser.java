package io.shoplens.engine.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;

/**
 * Types one record of a kind explicitly, no inference (LogKind's workspace form):
 * <ul>
 *   <li>{@code date} {@code yyyy-MM-dd} and {@code action_time} {@code yyyy-MM-dd HH:mm:ss} must
 *       exist (strict calendar: 2019-02-30 is rejected) and be present;</li>
 *   <li>ids: {@code -1}, empty or {@code null} are unset (NULL); otherwise an integer (letters and
 *       fractions are rejected); ad-click {@code timestamp} must be set;</li>
 *   <li>id lists: empty/{@code null}/{@code -1} are unset; otherwise every comma-separated element
 *       must be an integer, stored trimmed as {@code "1,2,3"};</li>
 *   <li>text: empty or {@code null} is NULL; {@code age} an integer, {@code pay_amount} a decimal;</li>
 *   <li>product {@code extend_info} must be a JSON object; its {@code product_status} (integer) and
 *       optional {@code price} (number) become columns.</li>
 * </ul>
 * Values come out as Long, Integer, Double, String, LocalDate or LocalDateTime.
 */
final class RowParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogKind kind;

    RowParser(LogKind kind) {
        this.kind = kind;
    }

    LogKind kind() {
        return kind;
    }

    /** Source columns of the kind, required then optional: the order {@link #parse} takes values in. */
    static List<String> sourceColumns(LogKind kind) {
        List<String> all = new ArrayList<>(kind.requiredColumns());
        all.addAll(kind.optionalColumns());
        return all;
    }

    /** {@code v}: values in {@link #sourceColumns} order (null for an absent optional column). */
    Object[] parse(String[] v) throws RowRejectedException {
        return switch (kind) {
            case USER_VISIT_ACTION -> new Object[] {
                    date("date", v[0]), id("user_id", v[1]), text(v[2]), id("page_id", v[3]),
                    time("action_time", v[4]), text(v[5]), id("click_category_id", v[6]),
                    id("click_product_id", v[7]), idList("order_category_ids", v[8]),
                    idList("order_product_ids", v[9]), idList("pay_category_ids", v[10]),
                    idList("pay_product_ids", v[11]), id("city_id", v[12]), text(v[13]),
                    decimal("pay_amount", v[14])};
            case USER_INFO -> new Object[] {
                    id("user_id", v[0]), text(v[1]), text(v[2]), integer("age", v[3]), text(v[4]), text(v[5]),
                    text(v[6])};
            case PRODUCT_INFO -> product(v);
            case CITY_INFO -> new Object[] {id("city_id", v[0]), text(v[1]), text(v[2])};
            case CATEGORY_INFO -> new Object[] {id("category_id", v[0]), text(v[1])};
            case AD_CLICK -> new Object[] {
                    required("timestamp", v[0], id("timestamp", v[0])), text(v[1]), text(v[2]), id("user_id", v[3]),
                    id("ad_id", v[4])};
        };
    }

    private Object[] product(String[] v) throws RowRejectedException {
        Long id = id("product_id", v[0]);
        String extend = text(v[2]);
        Integer status = null;
        Double price = null;
        if (extend != null) {
            JsonNode node;
            try {
                node = JSON.readTree(extend);
            } catch (JsonProcessingException e) {
                throw new RowRejectedException("extend_info: not JSON: " + quote(extend));
            }
            if (node == null || !node.isObject()) {
                throw new RowRejectedException("extend_info: not a JSON object: " + quote(extend));
            }
            JsonNode s = node.get("product_status");
            if (s != null && !s.isNull()) {
                status = integer("extend_info.product_status", s.asText());
            }
            JsonNode p = node.get("price");
            if (p != null && !p.isNull()) {
                price = decimal("extend_info.price", p.asText());
            }
        }
        return new Object[] {id, text(v[1]), extend, status, price};
    }

    private static <T> T required(String column, String raw, T value) throws RowRejectedException {
        if (value == null) {
            throw new RowRejectedException(column + ": missing (" + quote(raw) + ")");
        }
        return value;
    }

    static boolean unset(String raw) {
        return raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("null");
    }

    static String text(String raw) {
        return unset(raw) ? null : raw;
    }

    static Long id(String column, String raw) throws RowRejectedException {
        if (unset(raw)) {
            return null;
        }
        String s = raw.trim();
        if (s.equals("-1")) {
            return null;
        }
        Long value = parseLong(s);
        if (value == null) {
            throw new RowRejectedException(column + ": not an integer: " + quote(raw));
        }
        return value;
    }

    static Integer integer(String column, String raw) throws RowRejectedException {
        if (unset(raw)) {
            return null;
        }
        Long value = parseLong(raw.trim());
        if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RowRejectedException(column + ": not an integer: " + quote(raw));
        }
        return value.intValue();
    }

    static Double decimal(String column, String raw) throws RowRejectedException {
        if (unset(raw)) {
            return null;
        }
        String s = raw.trim();
        // Plain decimal notation only: Double.parseDouble also takes "NaN", "Infinity", "0x1p3", "1d".
        if (!s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new RowRejectedException(column + ": not a number: " + quote(raw));
        }
        return Double.parseDouble(s);
    }

    static String idList(String column, String raw) throws RowRejectedException {
        if (unset(raw) || raw.trim().equals("-1")) {
            return null;
        }
        String[] parts = raw.split(",", -1);
        StringBuilder list = new StringBuilder(raw.length());
        for (String part : parts) {
            String element = part.trim();
            if (parseLong(element) == null) {
                throw new RowRejectedException(column + ": element " + quote(part) + " of " + quote(raw)
                        + " is not an integer");
            }
            if (list.length() > 0) {
                list.append(',');
            }
            list.append(element);
        }
        return list.toString();
    }

    static LocalDate date(String column, String raw) throws RowRejectedException {
        if (unset(raw)) {
            throw new RowRejectedException(column + ": missing (" + quote(raw) + ")");
        }
        String text = raw.trim();
        LocalDate plain = plainDate(text);
        if (plain != null) {
            return plain;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column + ": not a date (yyyy-MM-dd): " + quote(raw));
        }
    }

    static LocalDateTime time(String column, String raw) throws RowRejectedException {
        if (unset(raw)) {
            throw new RowRejectedException(column + ": missing (" + quote(raw) + ")");
        }
        String text = raw.trim();
        if (text.length() == 19 && text.charAt(10) == ' ' && isDigits(text, 11, 13) && text.charAt(13) == ':'
                && isDigits(text, 14, 16) && text.charAt(16) == ':' && isDigits(text, 17, 19)) {
            LocalDate day = plainDate(text.substring(0, 10));
            int hour = number(text, 11, 13);
            int minute = number(text, 14, 16);
            int second = number(text, 17, 19);
            if (day != null && hour < 24 && minute < 60 && second < 60) {
                return day.atTime(hour, minute, second);
            }
        }
        try {
            return LocalDateTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column + ": not a time (yyyy-MM-dd HH:mm:ss): " + quote(raw));
        }
    }

    /**
     * {@code yyyy-MM-dd} of a real day read without the formatter, which took a fifth of an
     * import's parsing; anything else (null) is left to the formatter, which accepts or rejects
     * it as before. Its every date is one the formatter reads the same.
     */
    private static LocalDate plainDate(String text) {
        if (text.length() != 10 || !isDigits(text, 0, 4) || text.charAt(4) != '-' || !isDigits(text, 5, 7)
                || text.charAt(7) != '-' || !isDigits(text, 8, 10)) {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static Long parseLong(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return null;
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == n) {
            return null;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null; // out of range
        }
    }

    static String quote(String raw) {
        if (raw == null) {
            return "null";
        }
        return "'" + (raw.length() > 200 ? raw.substring(0, 200) + "…" : raw) + "'";
    }
}
