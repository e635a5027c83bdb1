package org.saddlecheck.report.text;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers written for people: at most four significant digits, plain notation between 0.001 and
 * 100000, otherwise a power of ten written with Unicode superscripts (3.1×10⁻¹⁶, 10⁻⁶), a true
 * minus sign, and ∞ and NaN spelled out.
 */
public final class Numbers {

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final MathContext FOUR = new MathContext(4);
    private static final MathContext THREE = new MathContext(3);

    private Numbers() {
    }

    /** The number as text. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        String sign = v < 0 ? "−" : "";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return sign + new BigDecimal(a).round(FOUR).stripTrailingZeros().toPlainString();
        }
        BigDecimal rounded = new BigDecimal(a).round(THREE);
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String power = "10" + superscript(exponent);
        return sign + (mantissa.compareTo(BigDecimal.ONE) == 0 ? power
                : mantissa.toPlainString() + "×" + power);
    }

    /** A whole number in Unicode superscript digits, with a superscript minus. */
    public static String superscript(long n) {
        StringBuilder out = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(n)).toCharArray()) {
            out.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return out.toString();
    }

    /** A duration in seconds as "0.25 s", "42.5 s", "3 min 12 s" or "1 h 02 min". */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return format(seconds) + " s";
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
    }
}
