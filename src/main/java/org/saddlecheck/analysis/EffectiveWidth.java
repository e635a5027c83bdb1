package org.saddlecheck.analysis;

import java.util.Arrays;
import java.util.List;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.SaddleType;

/**
 * The effective width of a network, the measure of simplicity that grows by one at each drop of
 * saddle-to-saddle training (paper, Section 3 and Table 1). Which measure applies follows from the
 * network's declared {@link org.saddlecheck.network.PhiTraits#saddleType() saddle type}:
 * <ul>
 * <li>{@link SaddleType#RANK} (φ linear in u, type I): the number of singular values of
 *     W = Σ_i v_i u_iᵀ = Vᵀ U above the threshold;</li>
 * <li>{@link SaddleType#RAYS} (φ positively homogeneous of degree 1, type II): the number of
 *     distinct rays among the units whose norm ‖θ_i‖ is above the threshold, units sharing a ray
 *     when their directions u_i/‖u_i‖ (bias entry included) lie within an angle of each other;</li>
 * <li>{@link SaddleType#UNITS} (φ with a zero element, type III): the number of units with ‖θ_i‖
 *     above the threshold.</li>
 * </ul>
 *
 * <h2>Threshold</h2>
 * A value counts when it exceeds τ = max(f · S_final, 10 · S_init), with S_final and S_init the
 * scales of the measured quantity (the largest singular value of W, or the largest unit norm) at
 * the end of training and at initialization ({@link Scales}); f = 0.1 by default.
 * <p>Why a fixed fraction of the final scale: an unlearned mode grows as
 * w_k(t) = s_k e^{2 s_k t} / (e^{2 s_k t} − 1 + s_k/w_0) (Section 6.1), so it crosses f·s_1 at
 * t_k + ln(f′/(1 − f′))/(2 s_k) with f′ = f s_1/s_k and t_k its half-learning time: a fixed offset
 * of under a drop width, the same at every ε. A threshold at a fixed fraction of the distance from
 * the initial to the final scale on a log axis, such as their geometric mean, is crossed at a time
 * that moves with ε: ln w_k climbs linearly through the whole plateau before its drop, and with
 * s_2 = s_1/2 the second mode already reaches √(w_0 s_1) at the first drop. The second term keeps
 * the threshold ten times above anything initialization alone produces, so for large ε
 * (f · S_final &lt; 10 · S_init, see {@link Scales#separated}) it is the initialization that sets τ,
 * and only units grown well past it count.
 * <p>Limitation: a learned mode or unit weaker than f times the strongest is not counted; lower f
 * for steep spectra (s_k/s_1 &lt; f), as long as f · S_final stays far above S_init.
 */
public final class EffectiveWidth {
    /** How far above the initial scale the threshold stays: ten times. */
    public static final double SEPARATION = 10;

    private EffectiveWidth() {
    }

    /**
     * @param fraction f, the fraction of the final scale a value must exceed, in (0, 1]
     * @param rayAngle the largest angle in radians between two unit directions on one ray, in
     *     [0, π)
     */
    public record Settings(double fraction, double rayAngle) {
        /** f = 0.1; rays resolved to 0.1 rad (about 6°). */
        public static final Settings DEFAULT = new Settings(0.1, 0.1);

        public Settings {
            Require.that(fraction > 0 && fraction <= 1, "fraction f (" + fraction + ") must lie in (0, 1]");
            Require.that(rayAngle >= 0 && rayAngle < Math.PI,
                    "ray angle (" + rayAngle + ") must lie in [0, π)");
        }
    }

    /**
     * The scales the threshold is set against, in the units of the measured quantity: singular
     * values of W for {@link SaddleType#RANK}, unit norms ‖θ_i‖ otherwise.
     *
     * @param initial S_init, the scale at initialization (at least 0)
     * @param finalScale S_final, the scale at the end of training (positive)
     */
    public record Scales(double initial, double finalScale) {
        public Scales {
            Require.that(initial >= 0 && Double.isFinite(initial),
                    "initial scale (" + initial + ") must be finite and not negative");
            Require.positive("final scale", finalScale);
        }

        /** The scales measured on the initial and the final parameters (see {@link #measure}). */
        public static Scales of(Network network, double[] theta0, double[] thetaFinal) {
            return new Scales(measure(network, theta0), measure(network, thetaFinal));
        }

        /**
         * The scales with S_init the typical value under the paper's initialization, every weight
         * N(0, ε²): ε √(|u| + |v|) for a unit norm, and ε² √H (√|u| + √|v|) for the largest singular
         * value of W = Vᵀ U (each entry of W is a sum of H products of two weights, standard
         * deviation ε² √H, and a |v| × |u| matrix of such entries has largest singular value about
         * √|u| + √|v| times that); S_final measured on {@code thetaFinal}.
         */
        public static Scales ofInitialization(Network network, double epsilon, double[] thetaFinal) {
            Require.that(epsilon >= 0 && Double.isFinite(epsilon),
                    "ε (" + epsilon + ") must be finite and not negative");
            double initial = typeOf(network) == SaddleType.RANK
                    ? epsilon * epsilon * Math.sqrt(network.width())
                            * (Math.sqrt(network.uSize()) + Math.sqrt(network.vSize()))
                    : epsilon * Math.sqrt(network.unitSize());
            return new Scales(initial, measure(network, thetaFinal));
        }

        /**
         * The scale of θ for the network's saddle type: the largest singular value of W = Vᵀ U for
         * {@link SaddleType#RANK}, the largest unit norm ‖θ_i‖ otherwise.
         */
        public static double measure(Network network, double[] theta) {
            if (typeOf(network) == SaddleType.RANK) {
                double[] s = ModeStrengths.singularValues(ModeStrengths.W(network, theta));
                return s.length == 0 ? 0 : s[0];
            }
            return Arrays.stream(unitNorms(network, theta)).max().orElse(0);
        }

        /** τ = max(f · S_final, 10 · S_init). */
        public double threshold(double fraction) {
            return Math.max(fraction * finalScale, SEPARATION * initial);
        }

        /** Whether f · S_final is at least 10 · S_init, so that the threshold is f · S_final. */
        public boolean separated(double fraction) {
            return fraction * finalScale >= SEPARATION * initial;
        }
    }

    /** Effective widths along a run. */
    public record Series(double[] times, int[] widths) {
        public Series {
            Require.that(times.length == widths.length,
                    "a width series needs one width per time, not " + widths.length + " for "
                            + times.length);
            times = times.clone();
            widths = widths.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        /** The first time the width is at least k, or NaN if it never is. */
        public double firstTimeAtLeast(int k) {
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] >= k) {
                    return times[i];
                }
            }
            return Double.NaN;
        }
    }

    /** The effective width of θ with the default settings. */
    public static int of(Network network, double[] theta, Scales scales) {
        return of(network, theta, scales, Settings.DEFAULT);
    }

    /** The effective width of θ by the measure of the network's saddle type (see the class). */
    public static int of(Network network, double[] theta, Scales scales, Settings settings) {
        double threshold = scales.threshold(settings.fraction());
        return switch (typeOf(network)) {
            case RANK -> rank(network, theta, threshold);
            case RAYS -> rays(network, theta, threshold, settings.rayAngle());
            case UNITS -> units(network, theta, threshold);
        };
    }

    /** The numerical rank of W = Vᵀ U: its number of singular values above {@code threshold}. */
    public static int rank(Network network, double[] theta, double threshold) {
        return countAbove(ModeStrengths.singularValues(ModeStrengths.W(network, theta)), threshold);
    }

    /** The number of units with ‖θ_i‖ above {@code threshold}. */
    public static int units(Network network, double[] theta, double threshold) {
        return countAbove(unitNorms(network, theta), threshold);
    }

    /** The number of the given unit norms above {@code threshold}. */
    public static int units(double[] norms, double threshold) {
        return countAbove(norms, threshold);
    }

    /**
     * The number of distinct rays among the units with ‖θ_i‖ above {@code threshold}: their
     * directions d_i = u_i/‖u_i‖ are joined into one ray when the angle between them is at most
     * {@code angle}, and rays are the connected groups (single linkage, so the answer does not
     * depend on the order of the units). Units with u_i = 0 have no direction and are left out.
     */
    public static int rays(Network network, double[] theta, double threshold, double angle) {
        double[][] directions = largeDirections(network, theta, threshold);
        int n = directions.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double cosine = Math.cos(angle);
        int groups = n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dot(directions[i], directions[j]) >= cosine) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    if (a != b) {
                        parent[b] = a;
                        groups--;
                    }
                }
            }
        }
        return groups;
    }

    /**
     * For a network with one input and a bias (u_i = (w_i, b_i)): the number of distinct kinks
     * x_i = −b_i/w_i among the units with ‖θ_i‖ above {@code threshold}, kinks closer than
     * {@code tolerance} (in input units) counting as one. Units with w_i = 0 have no kink.
     *
     * @throws InvalidInputException if the network's units do not have |u| = 2 with one input
     */
    public static int kinks(Network network, double[] theta, double threshold, double tolerance) {
        Require.that(network.inputSize() == 1 && network.uSize() == 2, "kinks need one input and a "
                + "bias (|u| = 2), but the network has " + network.inputSize() + " inputs and |u| = "
                + network.uSize());
        Require.length("θ", theta, network.parameterCount());
        double[] norms = unitNorms(network, theta);
        double[] x = new double[network.width()];
        int count = 0;
        for (int i = 0; i < network.width(); i++) {
            double w = theta[network.uOffset(i)];
            if (norms[i] > threshold && w != 0) {
                x[count++] = -theta[network.uOffset(i) + 1] / w;
            }
        }
        Arrays.sort(x, 0, count);
        int distinct = count == 0 ? 0 : 1;
        for (int k = 1; k < count; k++) {
            if (x[k] - x[k - 1] > tolerance) {
                distinct++;
            }
        }
        return distinct;
    }

    /** The effective width at every snapshot of a run. */
    public static Series alongSnapshots(Network network, Trajectory trajectory, Scales scales,
            Settings settings) {
        List<Trajectory.Snapshot> snapshots = trajectory.snapshots();
        double[] times = new double[snapshots.size()];
        int[] widths = new int[snapshots.size()];
        for (int k = 0; k < times.length; k++) {
            times[k] = snapshots.get(k).time();
            widths[k] = of(network, snapshots.get(k).theta(), scales, settings);
        }
        return new Series(times, widths);
    }

    /**
     * The number of units above the threshold at every record of a run, from the recorded unit
     * norms: the effective width along the whole run for {@link SaddleType#UNITS}.
     *
     * @throws InvalidInputException if the run recorded no unit norms
     */
    public static Series alongUnitNorms(Trajectory trajectory, Scales scales, Settings settings) {
        Require.that(trajectory.hasUnitNorms(),
                "this trajectory has no unit norms; record them with RunPlan.withUnitNorms");
        double threshold = scales.threshold(settings.fraction());
        int[] widths = new int[trajectory.size()];
        for (int k = 0; k < widths.length; k++) {
            widths[k] = countAbove(trajectory.unitNorms(k), threshold);
        }
        return new Series(trajectory.times(), widths);
    }

    /** ‖θ_i‖ of every unit block of θ. */
    public static double[] unitNorms(Network network, double[] theta) {
        Require.length("θ", theta, network.parameterCount());
        double[] norms = new double[network.width()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = Measures.norm(theta, network.uOffset(i), network.unitSize());
        }
        return norms;
    }

    private static SaddleType typeOf(Network network) {
        SaddleType type = network.traits().saddleType();
        if (type == null) {
            throw new InvalidInputException("the " + network.kind() + " network's φ has no zero element"
                    + " and is not homogeneous of degree 1, so no effective width is defined for it");
        }
        return type;
    }

    private static double[][] largeDirections(Network network, double[] theta, double threshold) {
        double[] norms = unitNorms(network, theta);
        int d = network.uSize();
        double[][] directions = new double[network.width()][];
        int count = 0;
        for (int i = 0; i < norms.length; i++) {
            double uNorm = Measures.norm(theta, network.uOffset(i), d);
            if (norms[i] > threshold && uNorm > 0) {
                double[] u = Arrays.copyOfRange(theta, network.uOffset(i), network.uOffset(i) + d);
                for (int j = 0; j < d; j++) {
                    u[j] /= uNorm;
                }
                directions[count++] = u;
            }
        }
        return Arrays.copyOf(directions, count);
    }

    private static int countAbove(double[] values, double threshold) {
        int count = 0;
        for (double v : values) {
            if (v > threshold) {
                count++;
            }
        }
        return count;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
