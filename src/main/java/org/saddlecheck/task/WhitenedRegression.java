package org.saddlecheck.task;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.Require;

/**
 * Linear regression data with whitened inputs and an input–output map of exactly known singular
 * values (paper, Sections 1, 2 and 6.1): Σ_xx = I and Σ_yx = M = Q diag(s) Rᵀ, both exact up to
 * round-off.
 *
 * <p>Construction, with one {@link Well19937c} seeded with {@code seed}, drawing in this order:
 * <ol>
 *   <li>Q, a random orthogonal D_out × D_out matrix ({@link Draws#orthogonal});</li>
 *   <li>R, a random orthogonal D_in × D_in matrix;</li>
 *   <li>O, a P × (D_in + D_out) matrix with orthonormal columns ({@link Draws#orthonormalColumns};
 *       only P × D_in without noise).</li>
 * </ol>
 * Then M = Σ_k s_k q_k r_kᵀ over the r given singular values, X = √P · O_x (the first D_in columns of
 * O), and Y = X Mᵀ + σ √P · O_n (O_n the remaining D_out columns). Because O_xᵀO_x = I and
 * O_nᵀO_x = 0:
 * <pre>
 *   Σ_xx = (1/P) XᵀX = I,     Σ_yx = (1/P) YᵀX = M,     (1/P) Σ_μ n_μ n_μᵀ = σ² I.
 * </pre>
 * The noise is orthogonal to the column space of X, so it leaves Σ_yx unchanged and the irreducible
 * loss is exactly L_irr = ½ σ² D_out.
 *
 * @param data the samples
 * @param M Σ_yx = Q diag(s) Rᵀ, D_out × D_in (do not modify)
 * @param Q the output singular vectors q_k as columns, D_out × D_out (do not modify)
 * @param R the input singular vectors r_k as columns, D_in × D_in (do not modify)
 * @param spectrum s, largest first (r ≤ min(D_in, D_out) values)
 * @param noise σ, the standard deviation of the irreducible noise per output
 */
public record WhitenedRegression(
        Dataset data, DMatrixRMaj M, DMatrixRMaj Q, DMatrixRMaj R, double[] spectrum, double noise) {

    /** Noise-free data: Y = X Mᵀ exactly, so every target is reachable by a linear map. */
    public static WhitenedRegression generate(
            int inputs, int outputs, int samples, double[] spectrum, long seed) {
        return generate(inputs, outputs, samples, spectrum, 0, seed);
    }

    /**
     * Generates the data described in the type's documentation.
     *
     * @param inputs D_in
     * @param outputs D_out
     * @param samples P, at least D_in (and at least D_in + D_out when σ &gt; 0)
     * @param spectrum s_1 ≥ … ≥ s_r ≥ 0 with r ≤ min(D_in, D_out); not modified
     * @param noise σ ≥ 0
     * @param seed the seed of all draws
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static WhitenedRegression generate(
            int inputs, int outputs, int samples, double[] spectrum, double noise, long seed) {
        Require.positive("inputs D_in", inputs);
        Require.positive("outputs D_out", outputs);
        Spectra.check("spectrum s", spectrum);
        Require.that(spectrum.length <= Math.min(inputs, outputs), "spectrum s has "
                + spectrum.length + " values but min(D_in, D_out) = " + Math.min(inputs, outputs));
        checkNoiseAndSamples(inputs, outputs, samples, noise);

        Well19937c random = Draws.generator(seed);
        DMatrixRMaj Q = Draws.orthogonal(random, outputs);
        DMatrixRMaj R = Draws.orthogonal(random, inputs);
        DMatrixRMaj M = lowRank(Q, spectrum, R);
        Dataset data = withMap(M, samples, noise, random);
        return new WhitenedRegression(data, M, Q, R, spectrum.clone(), noise);
    }

    /** Requires σ finite and ≥ 0, and P ≥ D_in (+ D_out with noise). */
    static void checkNoiseAndSamples(int inputs, int outputs, int samples, double noise) {
        Require.finite("noise σ", noise);
        Require.that(noise >= 0, "noise σ (" + noise + ") must not be negative");
        Require.positive("samples P", samples);
        int needed = noise > 0 ? inputs + outputs : inputs;
        Require.that(samples >= needed, "samples P (" + samples + ") must be at least " + needed
                + (noise > 0 ? " (D_in + D_out, for noise orthogonal to the inputs)"
                        : " (D_in, for whitened inputs)"));
    }

    /** M = Σ_k s_k q_k r_kᵀ, the first r = |s| columns of Q and R. Modifies nothing. */
    static DMatrixRMaj lowRank(DMatrixRMaj Q, double[] s, DMatrixRMaj R) {
        DMatrixRMaj M = new DMatrixRMaj(Q.numRows, R.numRows);
        for (int a = 0; a < Q.numRows; a++) {
            for (int b = 0; b < R.numRows; b++) {
                double m = 0;
                for (int k = 0; k < s.length; k++) {
                    m += s[k] * Q.unsafe_get(a, k) * R.unsafe_get(b, k);
                }
                M.unsafe_set(a, b, m);
            }
        }
        return M;
    }

    /**
     * Whitened inputs X = √P·O_x and targets Y = X Mᵀ + σ√P·O_n, so that Σ_xx = I and Σ_yx = M.
     * Draws the P × (D_in [+ D_out]) orthonormal columns from {@code random}; does not modify M.
     */
    static Dataset withMap(DMatrixRMaj M, int samples, double noise, Well19937c random) {
        int inputs = M.numCols;
        int outputs = M.numRows;
        int columns = noise > 0 ? inputs + outputs : inputs;
        DMatrixRMaj O = Draws.orthonormalColumns(random, samples, columns);
        double root = Math.sqrt(samples);

        DMatrixRMaj X = new DMatrixRMaj(samples, inputs);
        CommonOps_DDRM.extract(O, 0, samples, 0, inputs, X, 0, 0);
        CommonOps_DDRM.scale(root, X);

        DMatrixRMaj Y = new DMatrixRMaj(samples, outputs);
        CommonOps_DDRM.multTransB(X, M, Y);
        if (noise > 0) {
            for (int mu = 0; mu < samples; mu++) {
                for (int k = 0; k < outputs; k++) {
                    double n = noise * root * O.unsafe_get(mu, inputs + k);
                    Y.unsafe_set(mu, k, Y.unsafe_get(mu, k) + n);
                }
            }
        }
        return new Dataset(X, Y);
    }

    @Override
    public double[] spectrum() {
        return spectrum.clone();
    }

    /** D_in. */
    public int inputs() {
        return R.numRows;
    }

    /** D_out. */
    public int outputs() {
        return Q.numRows;
    }

    /** L_irr = ½ σ² D_out, the loss of the best linear map M. */
    public double irreducibleLoss() {
        return 0.5 * noise * noise * outputs();
    }

    /**
     * The loss on the plateau after the {@code learned} largest modes are fitted (paper, Section
     * 6.1): ½ Σ_{j &gt; learned} s_j² + L_irr. With {@code learned = 0} this is the loss at θ = 0.
     */
    public double plateauLoss(int learned) {
        Require.nonNegative("number of learned modes", learned);
        double rest = 0;
        for (int j = learned; j < spectrum.length; j++) {
            rest += spectrum[j] * spectrum[j];
        }
        return 0.5 * rest + irreducibleLoss();
    }
}
