package org.saddlecheck.task;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * A quadratic target for the quadratic network (paper, Section 6.2): x ~ N(0, I_D) and
 * <pre>
 *   y = Σ_k λ_k x_k²     (default λ = (1, −1): y = x_1² − x_2²).
 * </pre>
 * The statistic that drives the early dynamics of the quadratic network is Σ_yZ = (1/P) Σ_μ y_μ
 * x_μ x_μᵀ, the sample version of E[y x xᵀ]. By Isserlis' theorem, E[x_k² x_a x_b] is 3 for
 * a = b = k, 1 for a = b ≠ k and 0 for a ≠ b, so its population value is
 * <pre>
 *   T = 2 diag(λ) + (Σ_k λ_k) I,
 * </pre>
 * which is diag(2λ) exactly when Σ_k λ_k = 0 (as for the default, where T = diag(2, −2)).
 *
 * <p>With {@code exact = true} the generator then replaces y by the nearest y' (least ‖y' − y‖) with
 * (1/P) Σ_μ y'_μ x_μ x_μᵀ = T exactly, a linear system in y' for the D(D+1)/2 distinct entries of the
 * symmetric statistic ({@link MinimumNormCorrection}); this needs P ≥ D(D+1)/2. The least-norm
 * change lies in the span of the features x_a x_b, so it is itself a quadratic form: the corrected
 * targets are y' = xᵀ(diag(λ) + C)x for a symmetric C, still exactly representable by a quadratic
 * network (zero loss is reachable). Other statistics (for example Σ_yy) keep their sampling error.
 *
 * <h2>What the correction is</h2>
 * It is the sampling error of the fourth moments of x, moved into the targets, not an effect of
 * the target's mean E[y] = Σ_k λ_k (a network without bias has the mean tr(M) and fits it). For
 * D = 1 it is exactly a rescaling: the one constraint (1/P) Σ_μ y'_μ x_μ² = 3λ with the least
 * change gives y' = (3/m̂₄) y, m̂₄ = (1/P) Σ_μ x_μ⁴, so {@link #correction()} = |3/m̂₄ − 1| (tested).
 * In general C = O(1/√P) with a large constant, since the D(D+1)/2 constraints each carry the
 * spread of an eighth moment: averaged over 20 seeds, ‖y' − y‖/‖y‖ is 1.6 at D = 4, P = 24 (for
 * y = x_1² + x_2² − x_3² − x_4² and for y = x_1² + x_2² alike), 0.6 at P = 100 and 0.17 at
 * P = 1000. At small P the corrected problem is therefore a different target, with a different
 * optimum M* and sample fourth moments; for the population itself use {@link QuadraticPopulation}
 * and {@link org.saddlecheck.network.QuadraticPopulationObjective}.
 *
 * <p>Draws: one {@link Well19937c} seeded with {@code seed} fills X (P × D) row by row with N(0, 1).
 *
 * @param data X (P × D) and Y (P × 1)
 * @param lambda λ, padded with zeros to length D
 * @param sigmaYZ the population value T (D × D) that the sample statistic equals when exact (do not
 *     modify)
 * @param correction ‖y' − y‖ / ‖y‖, or 0 when not exact
 */
public record QuadraticTarget(Dataset data, double[] lambda, DMatrixRMaj sigmaYZ, double correction) {

    /** The default target y = x_1² − x_2² with exact statistics; needs D ≥ 2. */
    public static QuadraticTarget generate(int inputs, int samples, long seed) {
        return generate(inputs, samples, new double[] {1, -1}, true, seed);
    }

    /**
     * Generates the data described in the type's documentation.
     *
     * @param inputs D
     * @param samples P (at least D(D+1)/2 when exact)
     * @param lambda λ_1 … λ_K with K ≤ D, finite; not modified
     * @param exact whether to correct y so that Σ_yZ equals T exactly
     * @param seed the seed of the draws
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static QuadraticTarget generate(
            int inputs, int samples, double[] lambda, boolean exact, long seed) {
        Require.positive("inputs D", inputs);
        Require.positive("samples P", samples);
        Require.that(lambda.length > 0 && lambda.length <= inputs, "λ has " + lambda.length
                + " values but between 1 and D = " + inputs + " are needed");
        Require.finite("λ", lambda);
        int pairs = inputs * (inputs + 1) / 2;
        Require.that(!exact || samples >= pairs, "samples P (" + samples + ") must be at least "
                + "D(D+1)/2 = " + pairs + " to make Σ_yZ exact");
        double[] l = java.util.Arrays.copyOf(lambda, inputs);

        Well19937c random = Draws.generator(seed);
        DMatrixRMaj X = Draws.gaussian(random, samples, inputs);
        double[] y = new double[samples];
        for (int mu = 0; mu < samples; mu++) {
            for (int k = 0; k < inputs; k++) {
                double x = X.unsafe_get(mu, k);
                y[mu] += l[k] * x * x;
            }
        }
        DMatrixRMaj T = populationSigmaYZ(l);
        double correction = exact ? makeExact(X, y, T) : 0;
        Dataset data = new Dataset(X, DMatrixRMaj.wrap(samples, 1, y));
        return new QuadraticTarget(data, l, T, correction);
    }

    /** T = 2 diag(λ) + (Σ_k λ_k) I, the population value of E[y x xᵀ]; a new D × D matrix. */
    public static DMatrixRMaj populationSigmaYZ(double[] lambda) {
        int d = lambda.length;
        double trace = 0;
        for (double l : lambda) {
            trace += l;
        }
        DMatrixRMaj T = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            T.unsafe_set(k, k, 2 * lambda[k] + trace);
        }
        return T;
    }

    /**
     * Corrects y in place so that (1/P) Σ_μ y_μ x_μa x_μb = T_ab for every a ≤ b; the pairs are the
     * rows of the system, in row-major order of the upper triangle.
     */
    private static double makeExact(DMatrixRMaj X, double[] y, DMatrixRMaj T) {
        int p = X.numRows;
        int d = X.numCols;
        DMatrixRMaj A = new DMatrixRMaj(d * (d + 1) / 2, p);
        double[] t = new double[A.numRows];
        int row = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                for (int mu = 0; mu < p; mu++) {
                    A.unsafe_set(row, mu, X.unsafe_get(mu, a) * X.unsafe_get(mu, b) / p);
                }
                t[row++] = T.unsafe_get(a, b);
            }
        }
        return MinimumNormCorrection.apply(A, y, t, "Σ_yZ");
    }

    @Override
    public double[] lambda() {
        return lambda.clone();
    }
}
