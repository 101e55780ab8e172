package io.shoplens.app.analysis;

import java.text.NumberFormat;
import java.util.Locale;

import io.shoplens.engine.analysis.ResultTable;

/**
 * How result values are shown: the engine keeps exact doubles, the UI rounds for display
 * (docs/ANALYSES.md); ratios and rates as percentages.
 */
public final class Formats {

    private Formats() {
    }

    public static boolean isRate(String column) {
        return column.endsWith("rate") || column.equals("ratio") || column.equals("conversion");
    }

    public static String cell(Object value, String column, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            if (isRate(column)) {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMinimumFractionDigits(2);
                percent.setMaximumFractionDigits(2);
                return percent.format(d);
            }
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            number.setMinimumFractionDigits(2);
            number.setMaximumFractionDigits(2);
            return number.format(d);
        }
        if (value instanceof Long l && !column.endsWith("_id") && !column.equals("rank") && !column.equals("step")) {
            return NumberFormat.getIntegerInstance(locale).format(l);
        }
        return ResultTable.format(value);
    }

    /** The exact value, as the CSV has it (tooltips). */
    public static String exact(Object value) {
        return ResultTable.format(value);
    }

    public static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Width of a text in half-width character cells: CJK characters take two. */
    public static int textWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN ? 2 : 1;
        }
        return width;
    }
}
