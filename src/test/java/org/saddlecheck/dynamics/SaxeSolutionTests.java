package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Objective;

class SaxeSolutionTests {

    /** Unit round-off of double precision. */
    private static final double U = 0x1p-53;

    // Fixed seed so that a failure replays; any seed gives generic orthonormal Q and R.
    private static final long SEED = 7L;

    private static final double[] SPECTRUM = {1, 0.5, 0.25};

    @Test
    void startsAtTheInitialStrengthAndSettlesAtTheSingularValue() {
        SaxeSolution oracle = new SaxeSolution(SPECTRUM, 1e-6);
        for (int k = 0; k < SPECTRUM.length; k++) {
            // s/(1 + (s/w0 − 1)) rounds three times: within 4u relative.
            assertThat(oracle.modeStrength(k, 0)).isCloseTo(1e-6, within(4 * U * 1e-6));
            // at t = 100/s the remaining gap is (s/w0) e^{−200} s ≈ 1e-81 s: below round-off.
            assertThat(oracle.modeStrength(k, 100 / SPECTRUM[k])).isEqualTo(SPECTRUM[k]);
        }
    }

    @Test
    void closedFormSolvesTheLogisticEquation() {
        // ẇ = 2w(s − w) checked by a central difference of step δ: truncation δ²/6·|w'''| with
        // |w'''| ≤ 8 s³·s (each derivative of the logistic brings at most a factor 2s, times
        // max w = s), plus cancellation 2u·s/δ; with δ = 1e-4 the bound is below 1e-8·s.
        SaxeSolution oracle = new SaxeSolution(SPECTRUM, 1e-6);
        double delta = 1e-4;
        for (int k = 0; k < SPECTRUM.length; k++) {
            double s = SPECTRUM[k];
            for (double t = 0.5; t < 40; t += 0.5) {
                double w = oracle.modeStrength(k, t);
                double difference = (oracle.modeStrength(k, t + delta)
                        - oracle.modeStrength(k, t - delta)) / (2 * delta);
                double tolerance = delta * delta / 6 * 8 * s * s * s * s + 2 * U * s / delta;
                assertThat(difference).isCloseTo(2 * w * (s - w), within(tolerance));
            }
        }
    }

    @Test
    void halfLearningTimeIsWhereTheClosedFormCrossesHalf() {
        SaxeSolution oracle = new SaxeSolution(SPECTRUM, 1e-24);
        for (int k = 0; k < SPECTRUM.length; k++) {
            double t = oracle.halfLearningTime(k);
            // w'(t_k) = s²/2, so an error of a few ulps of t_k (≈ 55/s) moves w by ≈ 64u·s.
            assertThat(oracle.modeStrength(k, t)).isCloseTo(SPECTRUM[k] / 2,
                    within(64 * U * 55 * SPECTRUM[k]));
        }
    }

    @Test
    void asymptoticHalfLearningTimeDiffersFromTheExactOneByTheNeglectedTerm() {
        // With w0 = Hε²/2 the exact time is ln(s/w0 − 1)/(2s) and the asymptotic one ln(s/w0)/(2s):
        // they differ by ln(1 − w0/s)/(2s), which vanishes as ε → 0.
        int width = 50;
        for (double epsilon : new double[] {1e-2, 1e-6}) {
            double w0 = width * epsilon * epsilon / 2;
            SaxeSolution oracle = new SaxeSolution(SPECTRUM, w0);
            for (int k = 0; k < SPECTRUM.length; k++) {
                double s = SPECTRUM[k];
                double gap = oracle.halfLearningTime(k)
                        - SaxeSolution.asymptoticHalfLearningTime(s, width, epsilon);
                assertThat(gap).isCloseTo(Math.log1p(-w0 / s) / (2 * s), within(1e-12));
            }
        }
    }

    @Test
    void alignedBalancedStartCarriesEachModeOnItsOwnUnit() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, SPECTRUM, SEED);
        double w0 = 1e-6;
        double[] theta = m.alignedTheta(w0);
        for (int k = 0; k < SPECTRUM.length; k++) {
            // Σ_i q_kᵀv_i · u_iᵀr_k = w0 up to the rounding of √w0·r, √w0·q and of two dot products
            // over 4 entries: within 16u·w0.
            assertThat(m.modeStrength(theta, k)).isCloseTo(w0, within(16 * U * w0));

            // balanced: ‖u_k‖² = ‖v_k‖² = w0
            double uu = 0;
            double vv = 0;
            for (int d = 0; d < 4; d++) {
                uu += theta[m.network.uOffset(k) + d] * theta[m.network.uOffset(k) + d];
                vv += theta[m.network.vOffset(k) + d] * theta[m.network.vOffset(k) + d];
            }
            assertThat(uu).isCloseTo(w0, within(16 * U * w0));
            assertThat(vv).isCloseTo(w0, within(16 * U * w0));
        }
        for (int i = SPECTRUM.length; i < m.network.width(); i++) {
            for (int j = m.network.uOffset(i); j < m.network.uOffset(i + 1); j++) {
                assertThat(theta[j]).isZero();
            }
        }
    }

    @Test
    void networkGradientMovesAlignedUnitsAlongTheirModesAtTheClosedFormRate() {
        // At the aligned start u_k = a r_k, v_k = a q_k with a = √w0, the flow is u̇_k = a(s_k − a²) r_k
        // and v̇_k = a(s_k − a²) q_k: the network's own gradient must say the same. Entries are
        // O(a·s); the gradient is three products of O(1) matrices: within 64u relative.
        WhitenedModes m = WhitenedModes.of(4, 4, 5, SPECTRUM, SEED);
        double w0 = 0.01;
        double a = Math.sqrt(w0);
        double[] theta = m.alignedTheta(w0);
        Objective objective = m.objective();
        double[] gradient = new double[theta.length];
        objective.lossAndGradient(theta, gradient);
        for (int k = 0; k < m.network.width(); k++) {
            double rate = k < SPECTRUM.length ? a * (SPECTRUM[k] - w0) : 0;
            for (int d = 0; d < 4; d++) {
                double r = k < SPECTRUM.length ? m.R.get(d, k) : 0;
                double q = k < SPECTRUM.length ? m.Q.get(d, k) : 0;
                assertThat(-gradient[m.network.uOffset(k) + d]).isCloseTo(rate * r,
                        within(64 * U * a));
                assertThat(-gradient[m.network.vOffset(k) + d]).isCloseTo(rate * q,
                        within(64 * U * a));
            }
        }
    }

    @Test
    void rejectsNetworksAndBasesItDoesNotDescribe() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, SPECTRUM, SEED);
        SaxeSolution oracle = m.oracle(1e-6);
        FullyConnected relu = new FullyConnected(Activation.RELU, 4, 4, 5, false);
        FullyConnected narrow = new FullyConnected(Activation.LINEAR, 4, 4, 2, false);
        DMatrixRMaj notOrthonormal = m.R.copy();
        notOrthonormal.set(0, 0, notOrthonormal.get(0, 0) + 1e-3);

        assertThatThrownBy(() -> oracle.alignedBalancedTheta(relu, m.Q, m.R))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("linear network");
        assertThatThrownBy(() -> oracle.alignedBalancedTheta(narrow, m.Q, m.R))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("width H (2)");
        assertThatThrownBy(() -> oracle.alignedBalancedTheta(m.network, m.Q, notOrthonormal))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("orthonormal");
        assertThatThrownBy(() -> new SaxeSolution(new double[] {1, -1}, 1e-6))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s_1");
        assertThatThrownBy(() -> new SaxeSolution(SPECTRUM, 2).halfLearningTime(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("never rises");
    }
}
