package org.saddlecheck.scenario;

import java.util.Arrays;
import java.util.Objects;

/**
 * The data: generated from a seed by a named generator, or given explicitly. The sizes D_in, D_out,
 * N_p, k, D and N come from the network. Fields a kind does not use are 0, false or null.
 *
 * @param kind {@code whitened-regression}, {@code quadratic-target},
 *     {@code quadratic-population}, {@code in-context}, {@code patches}, {@code relu-orthogonal},
 *     {@code relu-kinks}, or {@code explicit}
 * @param seed the generator's seed
 * @param samples P
 * @param spectrum per kind: the singular values of Σ_yx ({@code whitened-regression}) or of the
 *     patch statistic ({@code patches}), largest first; the coefficients λ_k of y = Σ_k λ_k x_k²
 *     ({@code quadratic-target}, {@code quadratic-population}); the diagonal of the input
 *     covariance Λ ({@code in-context})
 * @param noise σ, the standard deviation per output of noise orthogonal to the inputs
 *     ({@code whitened-regression}, {@code patches})
 * @param exactStatistics whether to correct the targets so that Σ_yZ equals its population value
 *     exactly ({@code quadratic-target}, {@code in-context})
 * @param rays the teacher's rays as rows, K × D_in ({@code relu-orthogonal})
 * @param weights the teacher's output weights, K values ({@code relu-orthogonal},
 *     {@code relu-kinks})
 * @param kinks the kink positions in (−1, 1), increasing ({@code relu-kinks})
 * @param X explicit inputs, P rows (only for {@code explicit})
 * @param Y explicit targets, P rows (only for {@code explicit})
 */
public record DataSpec(
        String kind,
        long seed,
        int samples,
        double[] spectrum,
        double noise,
        boolean exactStatistics,
        double[][] rays,
        double[] weights,
        double[] kinks,
        double[][] X,
        double[][] Y) {

    /** The kinds of data, as named in scenario files. */
    public static final String WHITENED = "whitened-regression";
    public static final String QUADRATIC = "quadratic-target";
    /** The Gaussian population of a quadratic target: no samples are drawn (task.QuadraticPopulation). */
    public static final String QUADRATIC_POPULATION = "quadratic-population";
    public static final String IN_CONTEXT = "in-context";
    public static final String PATCHES = "patches";
    public static final String RELU_ORTHOGONAL = "relu-orthogonal";
    public static final String RELU_KINKS = "relu-kinks";
    public static final String EXPLICIT = "explicit";

    /** Generated or explicit data with the defaults: no noise, exact statistics, no teacher. */
    public DataSpec(
            String kind, long seed, int samples, double[] spectrum, double[][] X, double[][] Y) {
        this(kind, seed, samples, spectrum, 0, true, null, null, null, X, Y);
    }

    /** Explicit data. */
    public static DataSpec explicit(double[][] X, double[][] Y) {
        return new DataSpec(EXPLICIT, 0, X.length, null, X, Y);
    }

    /** Generated data. */
    public static DataSpec generated(String kind, long seed, int samples, double... spectrum) {
        return new DataSpec(kind, seed, samples, spectrum, null, null);
    }

    /** Data from a ReLU teacher on orthogonal inputs. */
    public static DataSpec reluOrthogonal(long seed, int samples, double[][] rays, double[] weights) {
        return new DataSpec(RELU_ORTHOGONAL, seed, samples, null, 0, true, rays, weights, null,
                null, null);
    }

    /** The one-dimensional kink benchmark on a grid of {@code samples} points. */
    public static DataSpec reluKinks(int samples, double[] kinks, double[] weights) {
        return new DataSpec(RELU_KINKS, 0, samples, null, 0, true, null, weights, kinks, null, null);
    }

    public DataSpec withNoise(double sigma) {
        return new DataSpec(kind, seed, samples, spectrum, sigma, exactStatistics, rays, weights,
                kinks, X, Y);
    }

    public DataSpec withExactStatistics(boolean exact) {
        return new DataSpec(kind, seed, samples, spectrum, noise, exact, rays, weights, kinks, X, Y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSpec d && Objects.equals(kind, d.kind) && seed == d.seed
                && samples == d.samples && Arrays.equals(spectrum, d.spectrum)
                && Double.compare(noise, d.noise) == 0 && exactStatistics == d.exactStatistics
                && Arrays.deepEquals(rays, d.rays) && Arrays.equals(weights, d.weights)
                && Arrays.equals(kinks, d.kinks) && Arrays.deepEquals(X, d.X)
                && Arrays.deepEquals(Y, d.Y);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(kind);
        h = 31 * h + Long.hashCode(seed);
        h = 31 * h + samples;
        h = 31 * h + Arrays.hashCode(spectrum);
        h = 31 * h + Double.hashCode(noise);
        h = 31 * h + Boolean.hashCode(exactStatistics);
        h = 31 * h + Arrays.deepHashCode(rays);
        h = 31 * h + Arrays.hashCode(weights);
        h = 31 * h + Arrays.hashCode(kinks);
        h = 31 * h + Arrays.deepHashCode(X);
        return 31 * h + Arrays.deepHashCode(Y);
    }

    /** The kind and its parameters; explicit matrices are shown by their shape only. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DataSpec[kind=").append(kind);
        if (!EXPLICIT.equals(kind)) {
            s.append(", seed=").append(seed).append(", samples=").append(samples);
        }
        if (spectrum != null) {
            s.append(", spectrum=").append(Arrays.toString(spectrum));
        }
        if (noise != 0) {
            s.append(", noise=").append(noise);
        }
        if (QUADRATIC.equals(kind) || IN_CONTEXT.equals(kind)) {
            s.append(", exactStatistics=").append(exactStatistics);
        }
        if (rays != null) {
            s.append(", rays=").append(shape(rays));
        }
        if (weights != null) {
            s.append(", weights=").append(Arrays.toString(weights));
        }
        if (kinks != null) {
            s.append(", kinks=").append(Arrays.toString(kinks));
        }
        if (X != null) {
            s.append(", X=").append(shape(X));
        }
        if (Y != null) {
            s.append(", Y=").append(shape(Y));
        }
        return s.append(']').toString();
    }

    static String shape(double[][] rows) {
        return rows.length + "×" + (rows.length == 0 || rows[0] == null ? 0 : rows[0].length);
    }
}
