package org.saddlecheck.task;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * Data for the convolutional networks (paper, Section 2, conv rows of the table of networks): an
 * input x ∈ R^(N_p·k) made of N_p non-overlapping patches of size k (patch p is x[p·k, (p+1)·k)) and
 * a scalar target y, with whitened inputs and a patch statistic of exactly requested singular
 * values.
 *
 * <p>The patch statistic is the N_p × k matrix T with T_pj = (1/P) Σ_μ y_μ x_μ[p·k + j], the
 * sample E[y X_patch]. A linear convolutional network computes f(x) = ⟨W, X_patch⟩ with
 * W = Σ_i v_i u_iᵀ, so T plays the part of Σ_yx and its singular values decide the drops.
 * Construction, with one {@link Well19937c} seeded with {@code seed}, drawing in this order: Q, a
 * random orthogonal N_p × N_p matrix; R, a random orthogonal k × k matrix; then the inputs exactly as
 * {@link WhitenedRegression} draws them for D_in = N_p·k and D_out = 1. With
 * T = Σ_r s_r q_r r_rᵀ and m = vec(T) (row-major, T_pj at p·k + j):
 * <pre>
 *   X = √P · O_x,    y = X m + σ √P · o_n,    so  (1/P) XᵀX = I  and  (1/P) Xᵀy = m  exactly
 * </pre>
 * up to round-off; the noise o_n is orthogonal to the inputs and the irreducible loss is ½ σ².
 *
 * @param data X (P × N_p·k) and Y (P × 1)
 * @param patches N_p
 * @param kernel k
 * @param statistic T, N_p × k (do not modify)
 * @param Q the left singular vectors of T as columns, N_p × N_p (do not modify)
 * @param R the right singular vectors of T as columns, k × k (do not modify)
 * @param spectrum s, largest first (at most min(N_p, k) values)
 * @param noise σ
 */
public record Patches(
        Dataset data,
        int patches,
        int kernel,
        DMatrixRMaj statistic,
        DMatrixRMaj Q,
        DMatrixRMaj R,
        double[] spectrum,
        double noise) {

    /**
     * Generates the data described in the type's documentation.
     *
     * @param patches N_p
     * @param kernel k
     * @param samples P, at least N_p·k (and N_p·k + 1 when σ &gt; 0)
     * @param spectrum s_1 ≥ … ≥ s_r ≥ 0 with r ≤ min(N_p, k); not modified
     * @param noise σ ≥ 0
     * @param seed the seed of all draws
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static Patches generate(
            int patches, int kernel, int samples, double[] spectrum, double noise, long seed) {
        Require.positive("patches N_p", patches);
        Require.positive("kernel size k", kernel);
        Spectra.check("spectrum s", spectrum);
        Require.that(spectrum.length <= Math.min(patches, kernel), "spectrum s has "
                + spectrum.length + " values but min(N_p, k) = " + Math.min(patches, kernel));
        WhitenedRegression.checkNoiseAndSamples(patches * kernel, 1, samples, noise);

        Well19937c random = Draws.generator(seed);
        DMatrixRMaj Q = Draws.orthogonal(random, patches);
        DMatrixRMaj R = Draws.orthogonal(random, kernel);
        DMatrixRMaj T = WhitenedRegression.lowRank(Q, spectrum, R);
        DMatrixRMaj m = DMatrixRMaj.wrap(1, patches * kernel, T.data.clone());
        Dataset data = WhitenedRegression.withMap(m, samples, noise, random);
        return new Patches(data, patches, kernel, T, Q, R, spectrum.clone(), noise);
    }

    @Override
    public double[] spectrum() {
        return spectrum.clone();
    }

    /** L_irr = ½ σ². */
    public double irreducibleLoss() {
        return 0.5 * noise * noise;
    }
}
