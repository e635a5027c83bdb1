package org.saddlecheck.analysis;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.saddlecheck.Require;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Units;

/**
 * The mode picture of a network whose φ is linear in u (paper, Section 6.1 and Theorem 4): the
 * end-to-end map W = Σ_i v_i u_iᵀ = Vᵀ U, its strength along each singular mode of the data,
 * w_k = q_kᵀ W r_k, its singular values, and the part of W and of the unit weights that lies
 * outside the top-r modes.
 *
 * <p>With Σ_yx = Σ_k s_k q_k r_kᵀ and whitened inputs, w_k follows
 * w_k(t) = s_k e^{2 s_k t} / (e^{2 s_k t} − 1 + s_k/w_0) (Saxe, McClelland and Ganguli 2014), and while
 * the top-r modes grow to O(1) the rest stays O(ε^{1 − s_{r+1}/s_1}) per weight (Theorem 4).
 *
 * <p>No method modifies its arguments. These are measurements taken once per snapshot, so they
 * allocate their results.
 */
public final class ModeStrengths {
    private ModeStrengths() {
    }

    /**
     * The singular value decomposition Σ_yx = Q diag(s) Rᵀ with s descending (s_1 ≥ s_2 ≥ …).
     *
     * @param Q D_out × r, column k is q_k
     * @param s the r singular values, descending
     * @param R D_in × r, column k is r_k
     */
    public record Bases(DMatrixRMaj Q, double[] s, DMatrixRMaj R) {
        public Bases {
            Q = Q.copy();
            s = s.clone();
            R = R.copy();
        }

        @Override
        public DMatrixRMaj Q() {
            return Q.copy();
        }

        @Override
        public double[] s() {
            return s.clone();
        }

        @Override
        public DMatrixRMaj R() {
            return R.copy();
        }

        /** r = min(D_out, D_in), the number of modes. */
        public int rank() {
            return s.length;
        }
    }

    /** The modes of Σ_yx (D_out × D_in), singular values descending, compact (r = min(D_out, D_in)). */
    public static Bases of(DMatrixRMaj sigmaYX) {
        Require.finite("Σ_yx", sigmaYX);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(sigmaYX.numRows, sigmaYX.numCols, true, true, true);
        if (!svd.decompose(sigmaYX.copy())) {
            throw new SaddlecheckException("the singular value decomposition of Σ_yx did not converge");
        }
        DMatrixRMaj Q = svd.getU(null, false);
        DMatrixRMaj S = svd.getW(null);
        DMatrixRMaj R = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(Q, false, S, R, false);
        double[] s = new double[S.numRows];
        for (int k = 0; k < s.length; k++) {
            s[k] = S.get(k, k);
        }
        return new Bases(Q, s, R);
    }

    /**
     * W = Vᵀ U = Σ_i v_i u_iᵀ, a new |v| × |u| matrix (D_out × D_in for a fully connected network,
     * N_p × k for a convolutional one), with U (H × |u|) and V (H × |v|) as in {@link Units}.
     */
    public static DMatrixRMaj W(Network network, double[] theta) {
        Require.length("θ", theta, network.parameterCount());
        DMatrixRMaj U = new DMatrixRMaj(network.width(), network.uSize());
        DMatrixRMaj V = new DMatrixRMaj(network.width(), network.vSize());
        Units.split(theta, network.uSize(), network.vSize(), U, V);
        DMatrixRMaj W = new DMatrixRMaj(network.vSize(), network.uSize());
        CommonOps_DDRM.multTransA(V, U, W);
        return W;
    }

    /** The singular values of W, descending. */
    public static double[] singularValues(DMatrixRMaj W) {
        Require.finite("W", W);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(W.numRows, W.numCols, false, false, true);
        if (!svd.decompose(W.copy())) {
            throw new SaddlecheckException("the singular value decomposition of W did not converge");
        }
        double[] ascending = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(ascending);
        double[] descending = new double[ascending.length];
        for (int k = 0; k < ascending.length; k++) {
            descending[k] = ascending[ascending.length - 1 - k];
        }
        return descending;
    }

    /**
     * The mode strengths w_k = q_kᵀ W r_k for every column k of Q and R (Section 6.1).
     *
     * @param W D_out × D_in
     * @param Q D_out × r
     * @param R D_in × r
     */
    public static double[] strengths(DMatrixRMaj W, DMatrixRMaj Q, DMatrixRMaj R) {
        Require.shape("Q", Q, W.numRows, Q.numCols);
        Require.shape("R", R, W.numCols, Q.numCols);
        double[] w = new double[Q.numCols];
        for (int k = 0; k < w.length; k++) {
            double sum = 0;
            for (int i = 0; i < W.numRows; i++) {
                double row = 0;
                for (int j = 0; j < W.numCols; j++) {
                    row += W.unsafe_get(i, j) * R.unsafe_get(j, k);
                }
                sum += Q.unsafe_get(i, k) * row;
            }
            w[k] = sum;
        }
        return w;
    }

    /**
     * ‖W − Q_r Q_rᵀ W R_r R_rᵀ‖_F: the part of W outside the block of the top-r modes, with Q_r and
     * R_r the first r columns of Q and R (orthonormal). This includes the cross terms
     * Q_r Q_rᵀ W (I − R_r R_rᵀ) as well as the part outside both.
     */
    public static double outside(DMatrixRMaj W, DMatrixRMaj Q, DMatrixRMaj R, int r) {
        Require.shape("Q", Q, W.numRows, Q.numCols);
        Require.shape("R", R, W.numCols, R.numCols);
        if (r == 0) {
            return NormOps_DDRM.normF(W);
        }
        DMatrixRMaj Qr = columns(Q, r);
        DMatrixRMaj Rr = columns(R, r);
        DMatrixRMaj core = new DMatrixRMaj(r, r);
        DMatrixRMaj QtW = new DMatrixRMaj(r, W.numCols);
        CommonOps_DDRM.multTransA(Qr, W, QtW);
        CommonOps_DDRM.mult(QtW, Rr, core);
        DMatrixRMaj QC = new DMatrixRMaj(W.numRows, r);
        CommonOps_DDRM.mult(Qr, core, QC);
        DMatrixRMaj projected = new DMatrixRMaj(W.numRows, W.numCols);
        CommonOps_DDRM.multTransB(QC, Rr, projected);
        DMatrixRMaj rest = new DMatrixRMaj(W.numRows, W.numCols);
        CommonOps_DDRM.subtract(W, projected, rest);
        return NormOps_DDRM.normF(rest);
    }

    /**
     * ‖M − M B_r B_rᵀ‖_F: the part of the rows of M outside the span of the first r columns of the
     * orthonormal B. With M = U (rows u_i) and B = R this is the first-layer weight outside the top-r
     * input modes; with M = V and B = Q the second-layer weight outside the top-r output modes
     * (Theorem 4: O(ε^{1 − s_{r+1}/s_1}) while the top-r part is O(1)).
     *
     * @param M H × d
     * @param B d × (at least r)
     */
    public static double outsideRows(DMatrixRMaj M, DMatrixRMaj B, int r) {
        Require.shape("B", B, M.numCols, B.numCols);
        if (r == 0) {
            return NormOps_DDRM.normF(M);
        }
        DMatrixRMaj Br = columns(B, r);
        DMatrixRMaj coefficients = new DMatrixRMaj(M.numRows, r);
        CommonOps_DDRM.mult(M, Br, coefficients);
        DMatrixRMaj inside = new DMatrixRMaj(M.numRows, M.numCols);
        CommonOps_DDRM.multTransB(coefficients, Br, inside);
        DMatrixRMaj rest = new DMatrixRMaj(M.numRows, M.numCols);
        CommonOps_DDRM.subtract(M, inside, rest);
        return NormOps_DDRM.normF(rest);
    }

    /** ‖M B_r‖_F: the part of the rows of M inside the span of the first r columns of B. */
    public static double insideRows(DMatrixRMaj M, DMatrixRMaj B, int r) {
        Require.shape("B", B, M.numCols, B.numCols);
        if (r == 0) {
            return 0;
        }
        DMatrixRMaj coefficients = new DMatrixRMaj(M.numRows, r);
        CommonOps_DDRM.mult(M, columns(B, r), coefficients);
        return NormOps_DDRM.normF(coefficients);
    }

    /** The first r columns of B, as a new matrix. */
    private static DMatrixRMaj columns(DMatrixRMaj B, int r) {
        Require.that(r >= 0 && r <= B.numCols, "r (" + r + ") must lie in [0, " + B.numCols + "]");
        return CommonOps_DDRM.extract(B, 0, B.numRows, 0, r);
    }
}
