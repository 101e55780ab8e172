package io.shoplens.engine.workspace;

/**
 * A source line the importer could not accept: the file as the user gave it, its 1-based line (a
 * header is line 1; for Parquet inputs the 1-based row index), why, and the raw text (at most
 * {@link #MAX_TEXT_BYTES} bytes of it, see {@link #capped(String)}).
 */
public record RejectedRow(String file, long line, String reason, String text) {

    /** Stored text is capped so one pathological line cannot bloat the catalog. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;

    /** The text cut to at most {@link #MAX_TEXT_BYTES} UTF-8 bytes, marked "(truncated, N bytes)". */
    public static String capped(String text) {
        if (text == null || text.length() * 3L <= MAX_TEXT_BYTES) {
            return text;
        }
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) {
            return text;
        }
        int end = MAX_TEXT_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // never cut a multi-byte character in half
        }
        return new String(utf8, 0, end, java.nio.charset.StandardCharsets.UTF_8)
                + "… (truncated, " + utf8.length + " bytes)";
    }
}
