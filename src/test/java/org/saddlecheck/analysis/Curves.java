package org.saddlecheck.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Loss curves with known stages, written as their formulas, and the ways a run records them. Used
 * by the stage detector's tests; each curve's drop times follow from its formula.
 */
final class Curves {
    private Curves() {
    }

    /** t = 0, then first, first·ratio, first·ratio², … up to last: records log-spaced by ratio. */
    static double[] logSpaced(double first, double last, double ratio) {
        List<Double> times = new ArrayList<>();
        times.add(0.0);
        for (int k = 0; first * Math.pow(ratio, k) <= last; k++) {
            times.add(first * Math.pow(ratio, k));
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** count records evenly spaced on [0, end]. */
    static double[] uniform(double end, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = end * k / (count - 1);
        }
        return t;
    }

    /** t = 0 and count − 1 independent uniform times on (0, end], sorted: irregular sampling. */
    static double[] irregular(double end, int count, long seed) {
        Well19937c random = new Well19937c(seed);
        double[] t = new double[count];
        for (int k = 1; k < count; k++) {
            t[k] = end * (1 - random.nextDouble());
        }
        Arrays.sort(t);
        return t;
    }

    /** L(t_k) for every record. */
    static double[] values(double[] t, DoubleUnaryOperator loss) {
        double[] L = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            L[k] = loss.applyAsDouble(t[k]);
        }
        return L;
    }

    /**
     * Records the way a run plan does: t = 0 and log-spaced times, plus records inserted by
     * bisection wherever the loss changes by more than the relative amount {@code change} between
     * neighbouring records. Returns {times, losses}.
     */
    static double[][] recorded(DoubleUnaryOperator loss, double first, double last, double ratio,
            double change) {
        double[] grid = logSpaced(first, last, ratio);
        List<Double> times = new ArrayList<>();
        times.add(grid[0]);
        for (int k = 1; k < grid.length; k++) {
            refine(loss, grid[k - 1], grid[k], change, times, 0);
        }
        double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[][] {t, values(t, loss)};
    }

    private static void refine(DoubleUnaryOperator loss, double a, double b, double change,
            List<Double> times, int depth) {
        double La = loss.applyAsDouble(a);
        double Lb = loss.applyAsDouble(b);
        if (depth < 40 && Math.abs(Lb - La) > change * Math.abs(La)) {
            double mid = 0.5 * (a + b);
            refine(loss, a, mid, change, times, depth + 1);
            refine(loss, mid, b, change, times, depth + 1);
        } else {
            times.add(b);
        }
    }

    /** a / (1 + e^{2s(t − τ)}): a logistic drop of depth a and rate s, half-way at t = τ. */
    static double logistic(double t, double a, double s, double tau) {
        double x = 2 * s * (t - tau);
        return x > 700 ? 0 : a / (1 + Math.exp(x));
    }

    /** L(t) = floor + Σ_k a_k / (1 + e^{2 s_k (t − τ_k)}). */
    static DoubleUnaryOperator logistics(double floor, double[] a, double[] s, double[] tau) {
        return t -> {
            double L = floor;
            for (int k = 0; k < a.length; k++) {
                L += logistic(t, a[k], s[k], tau[k]);
            }
            return L;
        };
    }

    /**
     * The exact mode strength of a two-layer linear network from an aligned, balanced start
     * (Saxe, McClelland and Ganguli 2014; paper Section 6.1):
     * w(t) = s e^{2st} / (e^{2st} − 1 + s/w_0).
     */
    static double saxeMode(double t, double s, double w0) {
        double x = 2 * s * t;
        if (x > 700) {
            return s;
        }
        double e = Math.exp(x);
        return s * e / (e - 1 + s / w0);
    }

    /** L(t) = ½ Σ_k (s_k − w_k(t))², the loss of the decoupled modes. */
    static DoubleUnaryOperator saxe(double[] s, double w0) {
        return t -> {
            double L = 0;
            for (double sk : s) {
                double r = sk - saxeMode(t, sk, w0);
                L += 0.5 * r * r;
            }
            return L;
        };
    }

    /**
     * The half-way time of mode k's drop: the loss term ½(s − w)² falls from ½s² to half that when
     * (s − w)² = ½ s², i.e. w = s (1 − 1/√2); solving w(t) for it gives
     * t = ln((√2 − 1)(s/w_0 − 1)) / (2s).
     */
    static double saxeHalfWayTime(double s, double w0) {
        return Math.log((Math.sqrt(2) - 1) * (s / w0 - 1)) / (2 * s);
    }

    /**
     * A blow-up drop of a unit recruited at time T (paper, Section 6.2: v = 1/(1/v_0 − t) reaches
     * O(1) at a time set by its initial size): a (T − t)/(T − t + w) for t &lt; T and 0 after. It
     * falls like a w/(T − t) from its plateau, is half-way at t = T − w, and reaches zero at T.
     */
    static double blowUp(double t, double a, double T, double w) {
        return t >= T ? 0 : a * (T - t) / (T - t + w);
    }

    /** L(t) = floor + Σ_k blowUp(t, a_k, T_k, w). */
    static DoubleUnaryOperator blowUps(double floor, double[] a, double[] T, double w) {
        return t -> {
            double L = floor;
            for (int k = 0; k < a.length; k++) {
                L += blowUp(t, a[k], T[k], w);
            }
            return L;
        };
    }

    /** L_k e^{σ ξ_k} with ξ_k independent standard normal: multiplicative noise of size σ. */
    static double[] withNoise(double[] L, double sigma, long seed) {
        Well19937c random = new Well19937c(seed);
        double[] noisy = new double[L.length];
        for (int k = 0; k < L.length; k++) {
            noisy[k] = L[k] * Math.exp(sigma * random.nextGaussian());
        }
        return noisy;
    }

    /**
     * The t in [lo, hi] where the decreasing function L crosses level, by bisection to round-off:
     * an independent reference for a detector's interpolated crossing.
     */
    static double crossing(DoubleUnaryOperator loss, double level, double lo, double hi) {
        double a = lo;
        double b = hi;
        for (int k = 0; k < 200 && b - a > Math.ulp(b); k++) {
            double mid = 0.5 * (a + b);
            if (loss.applyAsDouble(mid) > level) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }

    /**
     * A bound on the relative time error of reading the crossing of L at t* off a straight line
     * through two records at most a factor {@code ratio} apart, interpolated on x = ln t. For
     * f(x) = L(eˣ), the root of the chord through x_a &lt; x* &lt; x_b differs from x* by at most
     * max|f''/f'| · (x_b − x_a)² / 8, and δt/t = δx. f' and f'' are taken by central differences
     * (step a twentieth of the spacing) at 21 points across [x* − Δx, x* + Δx].
     */
    static double logInterpolationBound(DoubleUnaryOperator loss, double tStar, double ratio) {
        double dx = Math.log(ratio);
        double h = dx / 20;
        double worst = 0;
        for (int i = -10; i <= 10; i++) {
            double x = Math.log(tStar) + i * dx / 10;
            double fPlus = loss.applyAsDouble(Math.exp(x + h));
            double f0 = loss.applyAsDouble(Math.exp(x));
            double fMinus = loss.applyAsDouble(Math.exp(x - h));
            double first = (fPlus - fMinus) / (2 * h);
            double second = (fPlus - 2 * f0 + fMinus) / (h * h);
            worst = Math.max(worst, Math.abs(second / first));
        }
        return worst * dx * dx / 8;
    }
}
