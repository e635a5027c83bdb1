package org.saddlecheck.scenario;

/**
 * The data: generated from a seed by a named generator, or given explicitly. Fields a kind does
 * not use are 0, null or empty.
 *
 * @param kind {@code whitened-regression}, {@code quadratic-target}, {@code in-context},
 *     {@code patches}, {@code relu-orthogonal}, {@code relu-kinks}, or {@code explicit}
 * @param seed the generator's seed
 * @param samples P
 * @param spectrum the requested singular values (of Σ_yx) or eigenvalues (of Σ_yZ), largest first
 * @param X explicit inputs, P rows (only for {@code explicit})
 * @param Y explicit targets, P rows (only for {@code explicit})
 */
public record DataSpec(
        String kind, long seed, int samples, double[] spectrum, double[][] X, double[][] Y) {

    /** Explicit data. */
    public static DataSpec explicit(double[][] X, double[][] Y) {
        return new DataSpec("explicit", 0, X.length, null, X, Y);
    }

    /** Generated data. */
    public static DataSpec generated(String kind, long seed, int samples, double... spectrum) {
        return new DataSpec(kind, seed, samples, spectrum, null, null);
    }
}
