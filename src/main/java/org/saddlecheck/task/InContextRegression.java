package org.saddlecheck.task;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.Require;

/**
 * In-context linear regression for linear self-attention (paper, Section 2, attention row of the
 * table of networks). Each of the P rows is one sequence with its own task w ~ N(0, I_D): context
 * inputs x_1 … x_N and the query x_q drawn from N(0, Λ), Λ = diag(Λ_1 … Λ_D), context targets
 * y_n = wᵀx_n, and the row's target y_q = wᵀx_q. Rows are laid out as {@link Tokens} says; Y holds
 * y_q (P × 1).
 *
 * <p>The statistic that drives the early dynamics of attention is Σ_yZ = (1/P) Σ_μ y_q,μ vec(Z_μ)
 * with the cubic feature Z = (1/N) Σ_n y_n x_n x_qᵀ ({@link Tokens#cubicFeatures}). Given w,
 * E[y_n x_n] = Λw and E[y_q x_qᵀ] = wᵀΛ, and E[w wᵀ] = I, so its population value is
 * <pre>
 *   E[y_q Z] = Λ E[w wᵀ] Λ = Λ².
 * </pre>
 * <b>Re-whitened task statistics</b> ({@code exact = true}): the query targets y_q are then replaced
 * by the nearest targets (least change in Euclidean norm) for which the sample Σ_yZ equals Λ²
 * exactly, a linear system in the targets for the D² entries of Z ({@link MinimumNormCorrection});
 * this needs P ≥ D². Only y_q changes: the context tokens, and hence every Z_μ, are untouched. The
 * least-norm change lies in the span of the features, so it is ⟨C, Z_μ⟩ for a small D × D matrix C:
 * y_q' = wᵀx_q + ⟨C, Z⟩, no longer exactly wᵀx_q. The relative size of the change is {@link
 * #correction()}, which shrinks like 1/√P.
 *
 * <p>Draws: one {@link Well19937c} seeded with {@code seed}; for each row in turn: w (D values), then
 * x_1, …, x_N, then x_q (D values each, entry a scaled by √Λ_a), all N(0, 1) before scaling.
 *
 * @param data token rows X (P × (N(D+1) + D)) and targets Y (P × 1)
 * @param dimension D
 * @param context N
 * @param spectrum the diagonal of Λ
 * @param tasks the task vectors w_μ as rows, P × D (do not modify)
 * @param sigmaYZ vec(Λ²) as a 1 × D² row, Z_ab at index a·D + b (do not modify)
 * @param correction ‖y' − y‖ / ‖y‖ of the query targets, or 0 when not exact
 */
public record InContextRegression(
        Dataset data,
        int dimension,
        int context,
        double[] spectrum,
        DMatrixRMaj tasks,
        DMatrixRMaj sigmaYZ,
        double correction) {

    /** Isotropic inputs (Λ = I) with re-whitened task statistics. */
    public static InContextRegression generate(int dimension, int context, int samples, long seed) {
        double[] identity = new double[Require.positive("dimension D", dimension)];
        Arrays.fill(identity, 1.0);
        return generate(dimension, context, samples, identity, true, seed);
    }

    /**
     * Generates the data described in the type's documentation.
     *
     * @param dimension D
     * @param context N
     * @param samples P (at least D² when exact)
     * @param spectrum the diagonal of Λ, D positive values; not modified
     * @param exact whether to re-whiten the task statistics
     * @param seed the seed of the draws
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static InContextRegression generate(
            int dimension, int context, int samples, double[] spectrum, boolean exact, long seed) {
        int d = Require.positive("dimension D", dimension);
        int n = Require.positive("context length N", context);
        Require.positive("samples P", samples);
        Require.length("spectrum Λ", spectrum, d);
        for (int a = 0; a < d; a++) {
            Require.positive("spectrum Λ[" + a + "]", spectrum[a]);
        }
        Require.that(!exact || samples >= d * d, "samples P (" + samples + ") must be at least "
                + "D² = " + d * d + " to make Σ_yZ exact");

        double[] scale = new double[d];
        for (int a = 0; a < d; a++) {
            scale[a] = Math.sqrt(spectrum[a]);
        }
        Well19937c random = Draws.generator(seed);
        DMatrixRMaj X = new DMatrixRMaj(samples, Tokens.rowLength(d, n));
        DMatrixRMaj W = new DMatrixRMaj(samples, d);
        double[] y = new double[samples];
        for (int mu = 0; mu < samples; mu++) {
            for (int a = 0; a < d; a++) {
                W.unsafe_set(mu, a, random.nextGaussian());
            }
            for (int token = 0; token < n; token++) {
                double yn = drawInput(random, scale, W, X, mu, Tokens.xOffset(d, token));
                X.unsafe_set(mu, Tokens.yOffset(d, token), yn);
            }
            y[mu] = drawInput(random, scale, W, X, mu, Tokens.queryOffset(d, n));
        }

        DMatrixRMaj target = new DMatrixRMaj(1, d * d);
        for (int a = 0; a < d; a++) {
            target.set(0, a * d + a, spectrum[a] * spectrum[a]);
        }
        double correction = exact ? makeExact(X, y, target, d, n) : 0;
        Dataset data = new Dataset(X, DMatrixRMaj.wrap(samples, 1, y));
        return new InContextRegression(data, d, n, spectrum.clone(), W, target, correction);
    }

    /** Draws x ~ N(0, Λ) into row μ of X at {@code offset}; returns wᵀx with w row μ of W. */
    private static double drawInput(
            Well19937c random, double[] scale, DMatrixRMaj W, DMatrixRMaj X, int mu, int offset) {
        double dot = 0;
        for (int a = 0; a < scale.length; a++) {
            double x = scale[a] * random.nextGaussian();
            X.unsafe_set(mu, offset + a, x);
            dot += W.unsafe_get(mu, a) * x;
        }
        return dot;
    }

    /** Corrects y in place so that (1/P) Σ_μ y_μ vec(Z_μ) = vec(Λ²). */
    private static double makeExact(DMatrixRMaj X, double[] y, DMatrixRMaj target, int d, int n) {
        DMatrixRMaj Z = Tokens.cubicFeatures(X, d, n);
        DMatrixRMaj A = CommonOps_DDRM.transpose(Z, null);
        CommonOps_DDRM.scale(1.0 / X.numRows, A);
        return MinimumNormCorrection.apply(A, y, target.data, "Σ_yZ");
    }

    @Override
    public double[] spectrum() {
        return spectrum.clone();
    }
}
