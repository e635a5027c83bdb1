package org.saddlecheck.analysis;

import org.saddlecheck.Require;

/**
 * Small measurements the claims need: norms and relative distances of parameter vectors, the first
 * time a recorded series crosses a level, and least-squares slopes with their standard errors for
 * scaling laws (plateau length against ln(1/ε) or against 1/ε, Section 6). No method modifies its
 * arguments.
 */
public final class Measures {
    private Measures() {
    }

    /** ‖a‖₂, computed with scaling so that it neither overflows nor underflows. */
    public static double norm(double[] a) {
        return norm(a, 0, a.length);
    }

    /** ‖a[from … from + length)‖₂, with scaling (see {@link #norm(double[])}). */
    public static double norm(double[] a, int from, int length) {
        double scale = 0;
        for (int k = from; k < from + length; k++) {
            scale = Math.max(scale, Math.abs(a[k]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (int k = from; k < from + length; k++) {
            double x = a[k] / scale;
            sum += x * x;
        }
        return scale * Math.sqrt(sum);
    }

    /**
     * The symmetric relative distance ‖a − b‖₂ / max(‖a‖₂, ‖b‖₂), in [0, 2]; 0 when both are zero.
     *
     * @throws org.saddlecheck.InvalidInputException if the lengths differ
     */
    public static double relativeDistance(double[] a, double[] b) {
        Require.length("b", b, a.length);
        double[] difference = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            difference[k] = a[k] - b[k];
        }
        double scale = Math.max(norm(a), norm(b));
        return scale == 0 ? 0 : norm(difference) / scale;
    }

    /**
     * The first time the series y(t) reaches {@code level} from the side it starts on: t_0 if
     * y_0 = level; otherwise the first k where y_k is on the other side or equal, with the time
     * interpolated linearly in t between records k − 1 and k. NaN if it never does.
     */
    public static double firstCrossing(double[] t, double[] y, double level) {
        checkSeries(t, y);
        return y[0] < level ? firstTimeAtOrAbove(t, y, level) : firstTimeAtOrBelow(t, y, level);
    }

    /** The first time y ≥ level, interpolated linearly in t; NaN if never. */
    public static double firstTimeAtOrAbove(double[] t, double[] y, double level) {
        checkSeries(t, y);
        for (int k = 0; k < y.length; k++) {
            if (y[k] >= level) {
                return k == 0 ? t[0] : interpolate(t, y, k, level);
            }
        }
        return Double.NaN;
    }

    /** The first time y ≤ level, interpolated linearly in t; NaN if never. */
    public static double firstTimeAtOrBelow(double[] t, double[] y, double level) {
        checkSeries(t, y);
        for (int k = 0; k < y.length; k++) {
            if (y[k] <= level) {
                return k == 0 ? t[0] : interpolate(t, y, k, level);
            }
        }
        return Double.NaN;
    }

    /**
     * The least-squares fit of ln y = a + b ln x, with the standard error of the slope b
     * ({@link LineFit}). A power law y ∝ x^b has slope b: plateaus that scale like 1/ε have slope 1
     * against 1/ε.
     *
     * @throws org.saddlecheck.InvalidInputException if a value is not positive and finite, the
     *     lengths differ, or there are fewer than two distinct x
     */
    public static LineFit logLogSlope(double[] x, double[] y) {
        Require.length("y", y, x.length);
        double[] lnX = new double[x.length];
        double[] lnY = new double[y.length];
        for (int k = 0; k < x.length; k++) {
            lnX[k] = Math.log(Require.positive("x[" + k + "]", x[k]));
            lnY[k] = Math.log(Require.positive("y[" + k + "]", y[k]));
        }
        return LineFit.of(lnX, lnY);
    }

    /**
     * The least-squares fit of y = a + b x with the standard error of b; for example plateau length
     * against ln(1/ε), whose slope is 1/(2 s) for a linear network (Section 6.1).
     */
    public static LineFit linearFit(double[] x, double[] y) {
        return LineFit.of(x, y);
    }

    private static double interpolate(double[] t, double[] y, int k, double level) {
        double f = (level - y[k - 1]) / (y[k] - y[k - 1]);
        return t[k - 1] + f * (t[k] - t[k - 1]);
    }

    private static void checkSeries(double[] t, double[] y) {
        Require.positive("number of records", t.length);
        Require.length("series", y, t.length);
    }
}
