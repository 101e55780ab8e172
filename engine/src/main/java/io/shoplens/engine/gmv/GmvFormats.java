package io.shoplens.engine.gmv;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How the explorer writes money, counts and changes in the user's locale: yuan with two
 * decimals for exact amounts, whole yuan for effects, and changes with an explicit sign (a true
 * minus sign, U+2212, as in typeset text).
 */
public final class GmvFormats {

    private static final String MINUS = "\u2212";

    private final Locale locale;

    public GmvFormats(Locale locale) {
        this.locale = locale;
    }

    /** ¥84,786.00 */
    public String money(double yuan) {
        return pattern("¥#,##0.00;-¥#,##0.00").format(yuan);
    }

    /** +¥12,300 or −¥2,900 (whole yuan: an effect is an estimate of a share, cents add noise). */
    public String signedMoney(double yuan) {
        return pattern("+¥#,##0;" + MINUS + "¥#,##0").format(Math.round(yuan) == 0 ? 0.0 : yuan);
    }

    /** A waterfall bar's amount: a total as money, an effect signed. */
    public String bar(Waterfall.Bar bar) {
        return bar.kind() == Waterfall.Kind.TOTAL ? money(bar.end()) : signedMoney(bar.amount());
    }

    /** 29.90% */
    public String rate(double ratio) {
        return pattern("0.00%").format(ratio);
    }

    /** +6.1% or −1.4% */
    public String signedPercent(double ratio) {
        return pattern("+0.0%;" + MINUS + "0.0%").format(Math.abs(ratio) < 0.0005 ? 0.0 : ratio);
    }

    /** 1,204 */
    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    private DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
        // Half up, as people round by hand: DecimalFormat's default (half even) writes ¥250.5 as ¥250.
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
