package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.task.Dataset;

/** The Hessian at θ = 0 against the saddle statements of the paper's Section 4. */
class HessianTests {
    // Fixed so that a failure replays; the statements hold for any data.
    private static final long SEED = 4_2026L;

    /** H4/2: a 4 × 4 orthogonal matrix whose entries ±1/2 make every product below exact. */
    private static DMatrixRMaj halfHadamard(int[] signs) {
        double[][] h = {{1, 1, 1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}};
        DMatrixRMaj Q = new DMatrixRMaj(4, 4);
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                Q.set(a, b, 0.5 * h[a][b] * signs[b]);
            }
        }
        return Q;
    }

    /**
     * Linear network, whitened inputs: X = √P·I_P with P = D_in = 4, so Σ_xx = I exactly, and
     * Y = X Mᵀ with M = Q diag(s) Rᵀ, so Σ_yx = M. At θ = 0, L = L₀ − Σ_i v_iᵀ M u_i + O(|θ|⁴): the
     * Hessian is block diagonal with blocks [[0, −Mᵀ], [−M, 0]], whose eigenvalues are ±s_k, so
     * the spectrum is ±s_k, each H times (derived in Section 4), and zeros for the zero singular value.
     */
    @Test
    void linearNetworkAtZeroIsAStrictSaddleWithEigenvaluesPlusMinusTheSingularValues() {
        int d = 4;
        int width = 2;
        double[] s = {2, 1, 0.5, 0};
        DMatrixRMaj Q = halfHadamard(new int[] {1, 1, 1, 1});
        DMatrixRMaj R = halfHadamard(new int[] {1, -1, -1, 1});
        DMatrixRMaj M = new DMatrixRMaj(d, d);
        DMatrixRMaj QS = Q.copy();
        for (int a = 0; a < d; a++) {
            for (int k = 0; k < d; k++) {
                QS.set(a, k, Q.get(a, k) * s[k]);
            }
        }
        CommonOps_DDRM.multTransB(QS, R, M);
        DMatrixRMaj X = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(Math.sqrt(d), X);
        DMatrixRMaj Y = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(X, M, Y);
        FullyConnected network = new FullyConnected(Activation.LINEAR, d, d, width, false);
        Objective f = network.objective(new Dataset(X, Y));

        DMatrixRMaj H = Hessian.of(f, new double[network.parameterCount()]);
        double[] lambda = Hessian.eigenvalues(H);

        double[] expected = new double[network.parameterCount()];
        int k = 0;
        for (double sk : s) {
            for (int copy = 0; copy < width; copy++) {
                expected[k++] = sk;
                expected[k++] = -sk;
            }
        }
        Arrays.sort(expected);
        // The gradient is exactly linear along each coordinate line through 0 (W = VᵀU vanishes
        // when one entry of θ is non-zero), so the differences have no truncation error: each
        // entry is fl(h·M_ab)/h, within 2ε relative, and symmetrising adds ε: ‖ΔH‖₂ ≤ ‖ΔH‖_F ≤
        // 3ε‖H‖_F. The symmetric eigensolver is backward stable: at most c·n·ε‖H‖₂, with c = 10
        // a conservative constant for tridiagonalisation and implicit QR.
        int n = expected.length;
        double normF = Math.sqrt(2 * width) * NormOps_DDRM.normF(M);
        double tolerance = Magnitudes.UNIT_ROUNDOFF * (3 * normF + 10 * n * s[0]);
        for (int j = 0; j < n; j++) {
            assertThat(Math.abs(lambda[j] - expected[j])).as("eigenvalue %d", j)
                    .isLessThanOrEqualTo(tolerance);
        }
        assertThat(Hessian.index(lambda, tolerance)).isEqualTo(3 * width);
    }

    @Test
    void quadraticNetworkAtZeroHasVanishingGradientAndHessian() {
        SplittableRandom random = new SplittableRandom(SEED);
        FullyConnected network = new FullyConnected(Activation.SQUARE, 3, 2, 4, false);
        assertDegenerateSaddleAtZero(network, Generators.gaussianData(network, 30, random));
    }

    @Test
    void attentionAtZeroHasVanishingGradientAndHessian() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        LinearAttention network = new LinearAttention(2, 6, 3, false);
        assertDegenerateSaddleAtZero(network, Generators.inContextRegression(2, 6, 30, random));
    }

    /**
     * At θ = 0 the loss of a network whose φ has lowest order 2 changes at third order (derived in
     * Section 4):
     * ∇L(0) = 0 and ∇²L(0) = 0 exactly. The gradient at 0 is a sum of products each containing a
     * zero weight, computed exactly. Hessian column j differences gradients at ±h e_j, where the
     * exact gradient is O(h²) or 0; each computed entry is within its round-off bound δg_i of the
     * exact one, and the bound at |θ| = h in every coordinate dominates the bounds at ±h e_j
     * (the magnitudes grow with |θ|), so |H_ij| ≤ δg_i / h.
     */
    private static void assertDegenerateSaddleAtZero(Network network, Dataset data) {
        Objective f = network.objective(data);
        double[] zero = new double[network.parameterCount()];
        double[] gradient = new double[zero.length];
        f.lossAndGradient(zero, gradient);
        assertThat(gradient).containsOnly(0.0);

        DMatrixRMaj H = Hessian.of(f, zero);
        double h = Hessian.step(0, 1);
        double[] stencil = new double[zero.length];
        Arrays.fill(stencil, h);
        Magnitudes m = Magnitudes.of(network, data, stencil);
        for (int i = 0; i < zero.length; i++) {
            for (int j = 0; j < zero.length; j++) {
                assertThat(Math.abs(H.get(i, j))).isLessThanOrEqualTo(m.entry(i) / h);
            }
        }
        assertThat(Hessian.index(Hessian.eigenvalues(H), 0)).isZero();
    }

    @Test
    void eigenvaluesComeBackAscendingAndTheIndexCountsTheNegativeOnes() {
        DMatrixRMaj A = CommonOps_DDRM.diag(3, -1, 0, -2);
        // A rotation by the orthogonal half-Hadamard keeps the spectrum; the products are exact.
        DMatrixRMaj Q = halfHadamard(new int[] {1, -1, 1, 1});
        DMatrixRMaj QA = new DMatrixRMaj(4, 4);
        DMatrixRMaj B = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(Q, A, QA);
        CommonOps_DDRM.multTransB(QA, Q, B);
        double[] lambda = Hessian.eigenvalues(B);
        double[] expected = {-2, -1, 0, 3};
        // Backward stable eigensolver: c·n·ε‖B‖₂ with c = 10, ‖B‖₂ = 3.
        double tolerance = 10 * 4 * Magnitudes.UNIT_ROUNDOFF * 3;
        for (int k = 0; k < 4; k++) {
            assertThat(Math.abs(lambda[k] - expected[k])).isLessThanOrEqualTo(tolerance);
        }
        assertThat(Hessian.index(lambda, tolerance)).isEqualTo(2);
        assertThat(Hessian.index(lambda, 1.5)).isEqualTo(1);
    }
}
