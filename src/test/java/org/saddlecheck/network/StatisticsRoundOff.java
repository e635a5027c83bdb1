package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.saddlecheck.task.Dataset;

/**
 * The extra round-off of the second-moment loss {@link LinearStatisticsObjective} beyond the
 * sample-sum bound of {@link Magnitudes}. It evaluates L = ½⟨W − M, G⟩ + ½(tr Σ_yy − ⟨M, Σ_yx⟩)
 * with M = Σ_yx Σ_xx⁺. An error δM in M changes that expression by −½⟨δM, G + Σ_yx⟩ =
 * −½⟨δM, WΣ_xx⟩, and a pseudo-inverse computed by a backward-stable SVD has
 * ‖δM‖_F ≤ c·n·ε·κ(Σ_xx)·‖M‖_F (c = 10, n = D_in); the inner products with M add
 * γ_{n+4} (‖M‖_F (‖Σ_yx‖_F + ‖G‖_F)) by Cauchy–Schwarz.
 */
final class StatisticsRoundOff {
    private StatisticsRoundOff() {
    }

    /** The bound above at θ. */
    static double extraLossError(Network network, Dataset data, double[] theta) {
        DMatrixRMaj sxx = data.sigmaXX();
        DMatrixRMaj syx = data.sigmaYX();
        int n = sxx.numRows;
        DMatrixRMaj pinv = new DMatrixRMaj(n, n);
        CommonOps_DDRM.pinv(sxx, pinv);
        DMatrixRMaj M = new DMatrixRMaj(syx.numRows, n);
        CommonOps_DDRM.mult(syx, pinv, M);
        DMatrixRMaj W = new DMatrixRMaj(network.vSize(), network.uSize());
        CommonOps_DDRM.multTransA(Units.V(network, theta), Units.U(network, theta), W);
        W.reshape(syx.numRows, syx.numCols, false);
        DMatrixRMaj WS = new DMatrixRMaj(syx.numRows, n);
        CommonOps_DDRM.mult(W, sxx, WS);
        DMatrixRMaj G = WS.copy();
        CommonOps_DDRM.subtractEquals(G, syx);
        double kappa = NormOps_DDRM.conditionP2(sxx);
        double m = NormOps_DDRM.normF(M);
        return 10 * n * Magnitudes.UNIT_ROUNDOFF * kappa * m * NormOps_DDRM.normF(WS)
                + Magnitudes.gamma(n + 4) * m * (NormOps_DDRM.normF(syx) + NormOps_DDRM.normF(G));
    }
}
