package org.saddlecheck.claim;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.saddlecheck.Require;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.task.Dataset;

/**
 * Whitened regression data with a prescribed spectrum (paper, Section 6.1): X = √P·Q with Q a
 * P × D_in matrix of orthonormal columns, so that Σ_xx = XᵀX/P = I, and Y = X Mᵀ with
 * M = Σ_k s_k q_k r_kᵀ, so that Σ_yx = YᵀX/P = M has singular values s_k (to round-off).
 * Q, the left singular vectors q_k (in R^{D_out}) and the right ones r_k (in R^{D_in}) are the
 * orthonormal factors of QR decompositions of Gaussian matrices drawn, in that order, from a
 * {@link Well19937c} seeded with the data's seed.
 *
 * <p>Limitation: this is the claim engine's own small builder for the data kind
 * {@code whitened-regression}; when the task package provides generated data sets, trials should
 * be resolved through it instead, so that a replayed scenario and a simulated one use the same
 * data.
 */
public final class WhitenedData {

    /** The data kind this class builds. */
    public static final String KIND = "whitened-regression";

    private WhitenedData() {
    }

    /**
     * Builds the data set described by {@code spec} for a network with {@code inputs} inputs and
     * {@code outputs} outputs.
     *
     * @throws org.saddlecheck.InvalidInputException if the kind is not whitened regression, there
     *     are fewer samples than inputs, or the spectrum is longer than min(D_in, D_out) or holds a
     *     value that is not positive and finite
     */
    public static Dataset build(DataSpec spec, int inputs, int outputs) {
        Require.that(spec != null, "the trial has no data");
        Require.that(KIND.equals(spec.kind()), "data kind '" + spec.kind() + "' is not supported"
                + " here; only '" + KIND + "' is");
        int p = spec.samples();
        Require.that(p >= inputs, "whitened data needs at least as many samples P (" + p
                + ") as inputs D_in (" + inputs + ")");
        double[] s = spec.spectrum() == null ? new double[0] : spec.spectrum();
        Require.that(s.length <= Math.min(inputs, outputs), "the spectrum has " + s.length
                + " values but Σ_yx is " + outputs + "×" + inputs);
        for (int k = 0; k < s.length; k++) {
            Require.positive("singular value s_" + (k + 1), s[k]);
        }

        Well19937c random = new Well19937c(spec.seed());
        DMatrixRMaj X = orthonormalColumns(p, inputs, random);
        CommonOps_DDRM.scale(Math.sqrt(p), X);
        DMatrixRMaj left = orthonormalColumns(outputs, outputs, random);
        DMatrixRMaj right = orthonormalColumns(inputs, inputs, random);

        // M = Σ_k s_k q_k r_kᵀ
        DMatrixRMaj M = new DMatrixRMaj(outputs, inputs);
        for (int k = 0; k < s.length; k++) {
            for (int a = 0; a < outputs; a++) {
                for (int b = 0; b < inputs; b++) {
                    M.add(a, b, s[k] * left.get(a, k) * right.get(b, k));
                }
            }
        }

        // Y = X Mᵀ
        DMatrixRMaj Y = new DMatrixRMaj(p, outputs);
        CommonOps_DDRM.multTransB(X, M, Y);
        return new Dataset(X, Y);
    }

    /** The first {@code cols} columns of Q in the QR decomposition of a Gaussian rows × cols. */
    private static DMatrixRMaj orthonormalColumns(int rows, int cols, Well19937c random) {
        DMatrixRMaj G = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < G.data.length; k++) {
            G.data[k] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        Require.that(qr.decompose(G), "the QR decomposition of a Gaussian matrix failed");
        return qr.getQ(null, true);
    }
}
