package org.saddlecheck.task;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.saddlecheck.InvalidInputException;

/**
 * The smallest change of the targets that makes a statistic linear in them exact. A statistic
 * S = A y (m entries, each a weighted sum over the P targets) is brought to its value t by
 * <pre>
 *   y ← y + δ,    δ = Aᵀ (A Aᵀ)⁻¹ (t − A y),
 * </pre>
 * the δ of least Euclidean norm with A(y + δ) = t. It is computed through the QR decomposition
 * Aᵀ = Q R (Q: P × m with orthonormal columns), δ = Q R⁻ᵀ (t − A y), which avoids squaring the
 * condition number, and applied twice: the second pass is one step of iterative refinement and
 * leaves a residual at the round-off level of evaluating A y itself.
 */
final class MinimumNormCorrection {
    private MinimumNormCorrection() {
    }

    /**
     * Corrects {@code y} in place so that A y = t.
     *
     * @param A the m × P matrix of the statistic; requires m ≤ P and full row rank; not modified
     * @param y the P targets; modified
     * @param t the m target values of the statistic; not modified
     * @param statistic the statistic's name, for the error message
     * @return ‖δ‖ / ‖y‖ with y before the change: how far the correction moved the targets
     * @throws InvalidInputException if A has fewer columns than rows or is rank deficient
     */
    static double apply(DMatrixRMaj A, double[] y, double[] t, String statistic) {
        int m = A.numRows;
        int p = A.numCols;
        if (p < m) {
            throw new InvalidInputException(statistic + " has " + m + " independent entries but"
                    + " there are only " + p + " samples; at least " + m + " are needed to make it exact");
        }
        DMatrixRMaj At = CommonOps_DDRM.transpose(A, null);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(p, m);
        if (!qr.decompose(At)) {
            throw new InvalidInputException("the QR decomposition for " + statistic + " failed");
        }
        DMatrixRMaj Q = qr.getQ(null, true);
        DMatrixRMaj R = qr.getR(null, true);
        requireFullRank(R, p, statistic);

        double before = norm(y);
        double[] original = y.clone();
        DMatrixRMaj yVector = DMatrixRMaj.wrap(p, 1, y);
        DMatrixRMaj residual = new DMatrixRMaj(m, 1);
        double[] z = new double[m];
        DMatrixRMaj zVector = DMatrixRMaj.wrap(m, 1, z);
        DMatrixRMaj delta = new DMatrixRMaj(p, 1);
        for (int pass = 0; pass < 2; pass++) {
            // residual r = t − A y
            CommonOps_DDRM.mult(A, yVector, residual);
            for (int i = 0; i < m; i++) {
                residual.data[i] = t[i] - residual.data[i];
            }

            // Rᵀ z = r by forward substitution, then δ = Q z
            for (int i = 0; i < m; i++) {
                double s = residual.data[i];
                for (int j = 0; j < i; j++) {
                    s -= R.unsafe_get(j, i) * z[j];
                }
                z[i] = s / R.unsafe_get(i, i);
            }
            CommonOps_DDRM.mult(Q, zVector, delta);
            CommonOps_DDRM.addEquals(yVector, delta);
        }
        for (int mu = 0; mu < p; mu++) {
            original[mu] = y[mu] - original[mu];
        }
        return before > 0 ? norm(original) / before : norm(original);
    }

    /** Rejects an R whose smallest diagonal entry is at round-off level of its largest. */
    private static void requireFullRank(DMatrixRMaj R, int p, String statistic) {
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < R.numRows; i++) {
            double r = Math.abs(R.unsafe_get(i, i));
            largest = Math.max(largest, r);
            smallest = Math.min(smallest, r);
        }
        // A relative pivot below (m + P)·u is indistinguishable from an exact zero after QR.
        double floor = (R.numRows + p) * Math.ulp(1.0) * largest;
        if (!(smallest > floor)) {
            throw new InvalidInputException(statistic + " cannot be made exact: its entries are not"
                    + " independent functions of the targets (the samples are degenerate)");
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
