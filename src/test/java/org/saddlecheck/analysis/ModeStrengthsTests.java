package org.saddlecheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;

/** Mode strengths, singular values and the parts of W and of the weights outside the top modes. */
class ModeStrengthsTests {

    /** Fixed so that the random bases are reproducible. */
    private final Well19937c random = new Well19937c(23);

    /** Products and sums of order-1 numbers over a few terms: round-off well below 1e-12. */
    private static final double ROUND_OFF = 1e-12;

    @Test
    void theBasesOfSigmaYxAreItsSingularVectorsInDecreasingOrder() {
        DMatrixRMaj Q = Bases.orthonormal(3, random);
        DMatrixRMaj R = Bases.orthonormal(4, random);
        double[] s = {0.25, 1, 0.5};
        DMatrixRMaj sigmaYX = product(Q, s, R);

        ModeStrengths.Bases bases = ModeStrengths.of(sigmaYX);

        assertThat(bases.s()).containsExactly(new double[] {1, 0.5, 0.25}, within(ROUND_OFF));
        assertThat(bases.rank()).isEqualTo(3);
        DMatrixRMaj rebuilt = product(bases.Q(), bases.s(), bases.R());
        assertThat(MatrixFeatures_DDRM.isIdentical(rebuilt, sigmaYX, ROUND_OFF)).isTrue();
        assertThat(MatrixFeatures_DDRM.isOrthogonal(bases.Q(), ROUND_OFF)).isTrue();
    }

    @Test
    void modeStrengthsAreTheDiagonalOfWInTheModeBases() {
        // W = Q diag(w) Rᵀ, so q_kᵀ W r_k = w_k exactly, signs included
        DMatrixRMaj Q = Bases.orthonormal(3, random);
        DMatrixRMaj R = Bases.orthonormal(3, random);
        double[] w = {0.9, -0.3, 1e-7};

        double[] strengths = ModeStrengths.strengths(product(Q, w, R), Q, R);

        assertThat(strengths).containsExactly(w, within(ROUND_OFF));
        assertThat(ModeStrengths.singularValues(product(Q, w, R)))
                .containsExactly(new double[] {0.9, 0.3, 1e-7}, within(ROUND_OFF));
    }

    @Test
    void wIsTheSumOfTheUnitsOuterProducts() {
        FullyConnected network = new FullyConnected(Activation.LINEAR, 4, 2, 5, false);
        double[] theta = new double[network.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = random.nextGaussian();
        }

        DMatrixRMaj W = ModeStrengths.W(network, theta);

        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 4; b++) {
                double sum = 0;
                for (int i = 0; i < 5; i++) {
                    sum += theta[network.vOffset(i) + a] * theta[network.uOffset(i) + b];
                }
                assertThat(W.get(a, b)).isCloseTo(sum, within(ROUND_OFF));
            }
        }
    }

    @Test
    void thePartOutsideTheTopModesHoldsTheOtherModesAndTheCrossTerms() {
        // W = 0.9 q₁r₁ᵀ + 0.4 q₂r₂ᵀ + c q₃r₃ᵀ + d q₁r₃ᵀ: outside the top-2 block are the last two
        // terms, orthogonal to each other and to the block, so ‖·‖_F = √(c² + d²)
        DMatrixRMaj Q = Bases.orthonormal(3, random);
        DMatrixRMaj R = Bases.orthonormal(3, random);
        double c = 0.01;
        double d = 0.003;
        DMatrixRMaj W = product(Q, new double[] {0.9, 0.4, c}, R);
        addOuter(W, d, Q, 0, R, 2);

        assertThat(ModeStrengths.outside(W, Q, R, 2)).isCloseTo(Math.hypot(c, d), within(ROUND_OFF));
        assertThat(ModeStrengths.outside(W, Q, R, 3)).isCloseTo(0, within(ROUND_OFF));
        assertThat(ModeStrengths.outside(W, Q, R, 0)).isCloseTo(
                Math.sqrt(0.81 + 0.16 + c * c + d * d), within(ROUND_OFF));
    }

    @Test
    void theRowsOfUOutsideTheTopInputModesAreMeasured() {
        // rows u_i = α_i r₁ + β_i r₃: the part outside span(r₁, r₂) is ‖β‖, inside ‖α‖
        DMatrixRMaj R = Bases.orthonormal(3, random);
        double[] alpha = {1, -2, 0.5, 0};
        double[] beta = {1e-3, 0, -2e-3, 4e-3};
        DMatrixRMaj U = new DMatrixRMaj(4, 3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                U.set(i, j, alpha[i] * R.get(j, 0) + beta[i] * R.get(j, 2));
            }
        }

        assertThat(ModeStrengths.outsideRows(U, R, 2)).isCloseTo(norm(beta), within(ROUND_OFF));
        assertThat(ModeStrengths.insideRows(U, R, 2)).isCloseTo(norm(alpha), within(ROUND_OFF));
    }

    @Test
    void theWeightOutsideTheTopModeScalesLikeEpsilonToOneMinusTheGapRatio() {
        // Early dynamics of a linear network (Section 6.1), v̇_i = Σ_yx u_i, u̇_i = Σ_yxᵀ v_i, with
        // Σ_yx = Σ_k s_k q_k r_kᵀ: on mode k, a = r_kᵀu and b = q_kᵀv obey (a ± b)' = ±s_k (a ± b), so
        // a(t) = ½[(a₀ + b₀) e^{s_k t} + (a₀ − b₀) e^{−s_k t}]. From a₀, b₀ = ε z with fixed z, at
        // t* = ln(1/ε)/s₁ (top mode O(1)) the mode-2 part of U is ε^{1 − s₂/s₁} times a fixed number
        // plus an ε^{1 + s₂/s₁} term: ln(outside) against ln ε has slope 1 − s₂/s₁ up to
        // corrections of relative size ε^{2 s₂/s₁} ≤ 10⁻⁶ on ε ≤ 10⁻⁶, far below the tolerance 10⁻⁴.
        double[] s = {1, 0.5};
        int units = 6;
        DMatrixRMaj R = Bases.orthonormal(2, random);
        double[][] za = new double[units][2];
        double[][] zb = new double[units][2];
        for (int i = 0; i < units; i++) {
            for (int k = 0; k < 2; k++) {
                za[i][k] = random.nextGaussian();
                zb[i][k] = random.nextGaussian();
            }
        }
        double[] epsilons = {1e-6, 1e-8, 1e-10, 1e-12};
        double[] outside = new double[epsilons.length];
        for (int e = 0; e < epsilons.length; e++) {
            double epsilon = epsilons[e];
            double t = Math.log(1 / epsilon) / s[0];
            DMatrixRMaj U = new DMatrixRMaj(units, 2);
            for (int i = 0; i < units; i++) {
                for (int k = 0; k < 2; k++) {
                    double plus = epsilon * (za[i][k] + zb[i][k]);
                    double minus = epsilon * (za[i][k] - zb[i][k]);
                    double a = 0.5 * (plus * Math.exp(s[k] * t) + minus * Math.exp(-s[k] * t));
                    for (int j = 0; j < 2; j++) {
                        U.add(i, j, a * R.get(j, k));
                    }
                }
            }
            outside[e] = ModeStrengths.outsideRows(U, R, 1);
        }

        LineFit fit = Measures.logLogSlope(epsilons, outside);

        assertThat(fit.slope()).isCloseTo(1 - s[1] / s[0], within(1e-4));
    }

    /** Q diag(w) Rᵀ over the first w.length columns. */
    private static DMatrixRMaj product(DMatrixRMaj Q, double[] w, DMatrixRMaj R) {
        DMatrixRMaj W = new DMatrixRMaj(Q.numRows, R.numRows);
        for (int k = 0; k < w.length; k++) {
            addOuter(W, w[k], Q, k, R, k);
        }
        return W;
    }

    /** W += c q_a r_bᵀ. */
    private static void addOuter(DMatrixRMaj W, double c, DMatrixRMaj Q, int a, DMatrixRMaj R, int b) {
        DMatrixRMaj outer = new DMatrixRMaj(W.numRows, W.numCols);
        for (int i = 0; i < W.numRows; i++) {
            for (int j = 0; j < W.numCols; j++) {
                outer.set(i, j, c * Q.get(i, a) * R.get(j, b));
            }
        }
        CommonOps_DDRM.addEquals(W, outer);
    }

    private static double norm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
