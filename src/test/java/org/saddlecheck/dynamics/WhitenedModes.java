package org.saddlecheck.dynamics;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;

/**
 * Whitened regression data with a chosen spectrum, built by hand for the oracle tests: P = D_in
 * samples X = √P·I, so Σ_xx = XᵀX/P = I, and targets Y = X Mᵀ with M = Q diag(s) Rᵀ, so
 * Σ_yx = YᵀX/P = M. Q and R have orthonormal columns from the QR decomposition of seeded Gaussian
 * matrices. With D_in a power of four, √P is a power of two and both statistics are exact in
 * floating point (scaling by a power of two is exact).
 */
final class WhitenedModes {
    final FullyConnected network;
    final double[] s;
    final DMatrixRMaj Q;
    final DMatrixRMaj R;
    final Dataset data;

    private WhitenedModes(FullyConnected network, double[] s, DMatrixRMaj Q, DMatrixRMaj R,
            Dataset data) {
        this.network = network;
        this.s = s;
        this.Q = Q;
        this.R = R;
        this.data = data;
    }

    /** Data for the linear network D_in → H → D_out whose Σ_yx has singular values {@code s}. */
    static WhitenedModes of(int inputs, int outputs, int width, double[] s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj Q = orthonormalColumns(outputs, s.length, random);
        DMatrixRMaj R = orthonormalColumns(inputs, s.length, random);

        // M = Q diag(s) Rᵀ
        DMatrixRMaj QS = Q.copy();
        for (int k = 0; k < s.length; k++) {
            for (int d = 0; d < outputs; d++) {
                QS.unsafe_set(d, k, Q.unsafe_get(d, k) * s[k]);
            }
        }
        DMatrixRMaj M = new DMatrixRMaj(outputs, inputs);
        CommonOps_DDRM.multTransB(QS, R, M);

        // X = √P·I (P = D_in), Y = X Mᵀ
        int p = inputs;
        DMatrixRMaj X = CommonOps_DDRM.identity(p);
        CommonOps_DDRM.scale(Math.sqrt(p), X);
        DMatrixRMaj Y = new DMatrixRMaj(p, outputs);
        CommonOps_DDRM.multTransB(X, M, Y);

        FullyConnected network = new FullyConnected(Activation.LINEAR, inputs, outputs, width, false);
        return new WhitenedModes(network, s.clone(), Q, R, new Dataset(X, Y));
    }

    private static DMatrixRMaj orthonormalColumns(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj G = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < G.data.length; k++) {
            G.data[k] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        qr.decompose(G);
        return qr.getQ(null, true);
    }

    /** The network's own objective (the exact second-moment form for a linear network). */
    Objective objective() {
        return network.objective(data);
    }

    SaxeSolution oracle(double w0) {
        return new SaxeSolution(s, w0);
    }

    double[] alignedTheta(double w0) {
        return oracle(w0).alignedBalancedTheta(network, Q, R);
    }

    double modeStrength(double[] theta, int k) {
        return SaxeSolution.measuredModeStrength(network, theta, Q, R, k);
    }

    /** max_k |w_k(θ) − w_k(t)| / w_k(t): the worst relative error of θ against the oracle at t. */
    double relativeError(SaxeSolution oracle, double t, double[] theta) {
        double worst = 0;
        for (int k = 0; k < s.length; k++) {
            double exact = oracle.modeStrength(k, t);
            worst = Math.max(worst, Math.abs(modeStrength(theta, k) - exact) / exact);
        }
        return worst;
    }

    /** The time by which the slowest mode is within e^{−10} of learned (5 time constants 1/(2s)). */
    double settledTime(double w0) {
        SaxeSolution oracle = oracle(w0);
        int slowest = s.length - 1;
        return oracle.halfLearningTime(slowest) + 5 / s[slowest];
    }
}
