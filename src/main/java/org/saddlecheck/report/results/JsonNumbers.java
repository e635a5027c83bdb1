package org.saddlecheck.report.results;

/**
 * The format's spelling of numbers that JSON cannot hold: NaN and the infinities are written as the
 * strings "NaN", "Infinity" and "-Infinity".
 */
final class JsonNumbers {
    private JsonNumbers() {
    }

    static boolean isNonFinite(String text) {
        return "NaN".equals(text) || "Infinity".equals(text) || "-Infinity".equals(text);
    }

    /** The value of one of the three strings; callers check {@link #isNonFinite} first. */
    static double nonFinite(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            default:
                return Double.NEGATIVE_INFINITY;
        }
    }

    /** The string for a non-finite value. */
    static String spell(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value > 0 ? "Infinity" : "-Infinity";
    }
}
