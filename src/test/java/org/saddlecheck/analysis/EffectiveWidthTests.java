package org.saddlecheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.MinibatchObjective;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.network.PhiTraits;
import org.saddlecheck.task.Dataset;

/** Effective width by saddle type, on parameters built with a known width. */
class EffectiveWidthTests {

    private static final double[] EPSILONS = {1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12};

    @Test
    void rankCountsTheModesAboveTheThresholdAtEveryEpsilon() {
        // W = Σ_k w_k q_k r_kᵀ carried by one unit per mode (u_k = √w_k r_k, v_k = √w_k q_k), with
        // w = (1, 0.4, 0.02): two modes above τ = 0.1 · S_final, one below. Every weight then gets
        // N(0, ε²) noise; by Weyl's inequality each singular value moves by at most ‖ΔW‖₂ ≤ ‖ΔW‖_F,
        // and S_final by as much, so the count is 2 whenever ‖ΔW‖_F stays below the margins.
        FullyConnected network = new FullyConnected(Activation.LINEAR, 4, 3, 8, false);
        double[] w = {1, 0.4, 0.02};
        Well19937c random = new Well19937c(7); // fixed so the random bases are reproducible
        DMatrixRMaj Q = Bases.orthonormal(3, random);
        DMatrixRMaj R = Bases.orthonormal(4, random);
        double[] designed = Bases.modeUnits(network, Q, R, w);
        DMatrixRMaj W0 = ModeStrengths.W(network, designed);

        for (double epsilon : EPSILONS) {
            double[] theta = designed.clone();
            for (int j = 0; j < theta.length; j++) {
                theta[j] += epsilon * random.nextGaussian();
            }
            EffectiveWidth.Scales scales = EffectiveWidth.Scales.ofInitialization(network, epsilon, theta);
            double threshold = scales.threshold(0.1);
            DMatrixRMaj dW = ModeStrengths.W(network, theta);
            CommonOps_DDRM.subtractEquals(dW, W0);
            double moved = NormOps_DDRM.normF(dW);
            assertThat(moved).as("ε = %s", epsilon)
                    .isLessThan(Math.min(w[1] - threshold, threshold - w[2]));

            assertThat(EffectiveWidth.of(network, theta, scales)).as("ε = %s", epsilon).isEqualTo(2);
        }
    }

    @Test
    void rankRisesAFixedTimeBeforeEachHalfLearningTimeWhateverEpsilon() {
        // Exact modes w_k(t) = s e^{2st}/(e^{2st} − 1 + s/w_0) with w_0 = ε². With τ = f s_1 (f = 0.1),
        // mode k is counted from t = ln(f′(s_k/w_0 − 1)/(1 − f′))/(2 s_k), f′ = f s_1/s_k, which is
        // ln(f′/(1 − f′))/(2 s_k) before its half-learning time ln(s_k/w_0 − 1)/(2 s_k): an offset
        // free of ε. Sampled every δ = 0.005, the first counted sample is within δ after it.
        FullyConnected network = new FullyConnected(Activation.LINEAR, 3, 3, 3, false);
        double[] s = {1, 0.5, 0.25};
        Well19937c random = new Well19937c(11); // fixed so the random bases are reproducible
        DMatrixRMaj Q = Bases.orthonormal(3, random);
        DMatrixRMaj R = Bases.orthonormal(3, random);
        double delta = 0.005;

        for (double epsilon : EPSILONS) {
            double w0 = epsilon * epsilon;
            EffectiveWidth.Scales scales = new EffectiveWidth.Scales(w0, s[0]);
            assertThat(scales.separated(0.1)).isTrue();
            int[] firstCount = new int[s.length];
            double[] firstTime = new double[s.length];
            Arrays.fill(firstTime, Double.NaN);
            for (int step = 0; step * delta < 200 && firstCount[s.length - 1] == 0; step++) {
                double t = step * delta;
                double[] modes = new double[s.length];
                for (int k = 0; k < s.length; k++) {
                    modes[k] = Curves.saxeMode(t, s[k], w0);
                }
                int rank = EffectiveWidth.of(network, Bases.modeUnits(network, Q, R, modes), scales);
                for (int k = 0; k < rank; k++) {
                    if (firstCount[k]++ == 0) {
                        firstTime[k] = t;
                    }
                }
            }
            for (int k = 0; k < s.length; k++) {
                double f = 0.1 * s[0] / s[k];
                double expected = Math.log(f * (s[k] / w0 - 1) / (1 - f)) / (2 * s[k]);
                double offset = Math.log(f / (1 - f)) / (2 * s[k]);
                double halfLearning = Math.log(s[k] / w0 - 1) / (2 * s[k]);
                assertThat(expected - halfLearning).isCloseTo(offset, within(1e-9 * halfLearning));
                assertThat(firstTime[k]).as("mode %s at ε = %s", k, epsilon)
                        .isBetween(expected, expected + delta);
            }
        }
    }

    @Test
    void raysCountDirectionsSharedByLargeUnits() {
        // ReLU with bias, D_in = 2: u ∈ R³. Three rays at least 0.5 rad apart carry 3, 2 and 1 units
        // with directions jittered by at most 0.02 rad (pairwise angles ≤ 0.04 < 0.1), plus four
        // units of initialization size ε.
        FullyConnected network = new FullyConnected(Activation.RELU, 2, 1, 10, true);
        double[][] rays = {{1, 0, 0}, {0, 1, 0}, {0.6, 0, 0.8}};
        int[] onRay = {0, 0, 0, 1, 1, 2};
        double[] sizes = {1, 0.8, 0.5, 0.9, 0.6, 0.7};
        double epsilon = 1e-6;
        Well19937c random = new Well19937c(13); // fixed so the jitter is reproducible
        double[] theta0 = smallUnits(network, epsilon, random);
        double[] theta = theta0.clone();
        for (int i = 0; i < onRay.length; i++) {
            double[] u = jittered(rays[onRay[i]], 0.02, random);
            for (int j = 0; j < 3; j++) {
                theta[network.uOffset(i) + j] = sizes[i] * u[j];
            }
            theta[network.vOffset(i)] = sizes[i];
        }
        EffectiveWidth.Scales scales = EffectiveWidth.Scales.of(network, theta0, theta);

        assertThat(EffectiveWidth.of(network, theta, scales)).isEqualTo(3);

        // a seventh large unit 0.25 rad from the first ray (beyond the 0.1 rad tolerance) is a new ray
        double[] tilted = {Math.cos(0.25), Math.sin(0.25) * 0.6, Math.sin(0.25) * 0.8};
        double[] withSeventh = theta.clone();
        for (int j = 0; j < 3; j++) {
            withSeventh[network.uOffset(6) + j] = tilted[j];
        }
        withSeventh[network.vOffset(6)] = 1;
        assertThat(EffectiveWidth.of(network, withSeventh, scales)).isEqualTo(4);
    }

    @Test
    void kinksCountBreakpointsWhileRaysAlsoTellTheirSides() {
        // one input with a bias: u = (w, b), kink at −b/w. Units (1, 1) and (0.5, 0.5) share the kink
        // −1 and its ray; (−1, −1) has the same kink but is active on the other side (another ray);
        // (1, −0.5) kinks at 0.5.
        FullyConnected network = new FullyConnected(Activation.RELU, 1, 1, 4, true);
        double[][] u = {{1, 1}, {0.5, 0.5}, {-1, -1}, {1, -0.5}};
        double[] theta = new double[network.parameterCount()];
        for (int i = 0; i < 4; i++) {
            theta[network.uOffset(i)] = u[i][0];
            theta[network.uOffset(i) + 1] = u[i][1];
            theta[network.vOffset(i)] = 1;
        }

        assertThat(EffectiveWidth.kinks(network, theta, 0.1, 1e-6)).isEqualTo(2);
        assertThat(EffectiveWidth.rays(network, theta, 0.1, 0.1)).isEqualTo(3);
    }

    @Test
    void unitsCountTheLargeUnitsOfAQuadraticNetworkAtEveryEpsilon() {
        // two units of size about 1 among ten: unit norms of the others are ε √3 on average and, as
        // norms of 3 normal entries, exceed 10 ε √3 with probability below 10⁻²⁰
        FullyConnected network = new FullyConnected(Activation.SQUARE, 2, 1, 10, false);
        Well19937c random = new Well19937c(17); // fixed so the draw is reproducible
        for (double epsilon : EPSILONS) {
            double[] theta = smallUnits(network, epsilon, random);
            theta[network.uOffset(3)] = 0.9;
            theta[network.vOffset(3)] = 0.6;
            theta[network.uOffset(7) + 1] = -1.1;
            theta[network.vOffset(7)] = -0.4;

            EffectiveWidth.Scales scales = EffectiveWidth.Scales.ofInitialization(network, epsilon, theta);

            assertThat(EffectiveWidth.of(network, theta, scales)).as("ε = %s", epsilon).isEqualTo(2);
        }
    }

    @Test
    void widthAlongARunFollowsTheRecordedUnitNormsAndSnapshots() {
        FullyConnected network = new FullyConnected(Activation.SQUARE, 1, 1, 3, false);
        Trajectory.Builder builder = new Trajectory.Builder("test");
        double[][] thetas = {
            {1e-6, 1e-6, 2e-6, -1e-6, 1e-6, 1e-6},
            {0.8, 0.5, 2e-6, -1e-6, 1e-6, 1e-6},
            {0.8, 0.5, 0.9, -0.7, 1e-6, 1e-6},
        };
        for (int k = 0; k < thetas.length; k++) {
            builder.record(10.0 * k, 1.0 / (k + 1), thetas[k], network.unitSize());
            builder.snapshot(10.0 * k, thetas[k]);
        }
        Trajectory run = builder.finish(thetas[2], 0, 0).build();
        EffectiveWidth.Scales scales = EffectiveWidth.Scales.of(network, thetas[0], thetas[2]);

        EffectiveWidth.Series fromNorms = EffectiveWidth.alongUnitNorms(run, scales,
                EffectiveWidth.Settings.DEFAULT);
        EffectiveWidth.Series fromSnapshots = EffectiveWidth.alongSnapshots(network, run, scales,
                EffectiveWidth.Settings.DEFAULT);

        assertThat(fromNorms.widths()).containsExactly(0, 1, 2);
        assertThat(fromSnapshots.widths()).containsExactly(0, 1, 2);
        assertThat(fromNorms.times()).containsExactly(0, 10, 20);
        assertThat(fromNorms.firstTimeAtLeast(2)).isEqualTo(20);
        assertThat(fromNorms.firstTimeAtLeast(3)).isNaN();
    }

    @Test
    void theThresholdStaysTenTimesAboveTheInitialScale() {
        EffectiveWidth.Scales separated = new EffectiveWidth.Scales(1e-4, 1);
        EffectiveWidth.Scales crowded = new EffectiveWidth.Scales(0.05, 1);

        assertThat(separated.threshold(0.1)).isEqualTo(0.1);
        assertThat(separated.separated(0.1)).isTrue();
        assertThat(crowded.threshold(0.1)).isEqualTo(0.5);
        assertThat(crowded.separated(0.1)).isFalse();
    }

    @Test
    void theInitialScaleOfAUnitIsItsRootMeanSquareNormUnderTheInitialization() {
        // ‖θ_i‖² is a sum of |u| + |v| squares of N(0, ε²) entries: mean ε²(|u| + |v|). Over 4000
        // units the mean of ‖θ_i‖²/ε² has standard deviation √(2·5/4000) = 0.05; 0.3 is six of them.
        FullyConnected network = new FullyConnected(Activation.SQUARE, 4, 1, 4000, false);
        double epsilon = 1e-3;
        double[] theta = smallUnits(network, epsilon, new Well19937c(19)); // fixed for reproducibility

        double meanSquare = 0;
        for (double norm : EffectiveWidth.unitNorms(network, theta)) {
            meanSquare += norm * norm / (epsilon * epsilon) / network.width();
        }
        double typical = EffectiveWidth.Scales.ofInitialization(network, epsilon, theta).initial();

        assertThat(meanSquare).isCloseTo(network.unitSize(), within(0.3));
        assertThat(typical).isEqualTo(epsilon * Math.sqrt(network.unitSize()));
    }

    @Test
    void aNetworkWithoutASaddleTypeHasNoEffectiveWidth() {
        Network plain = new NoSaddle();

        assertThatThrownBy(() -> EffectiveWidth.of(plain, new double[2], new EffectiveWidth.Scales(0, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no effective width");
    }

    @Test
    void kinksNeedOneInputAndABias() {
        FullyConnected twoInputs = new FullyConnected(Activation.RELU, 2, 1, 3, true);

        assertThatThrownBy(() -> EffectiveWidth.kinks(twoInputs, new double[twoInputs.parameterCount()],
                0.1, 1e-6)).isInstanceOf(InvalidInputException.class).hasMessageContaining("one input");
    }

    /** Every weight N(0, ε²). */
    private static double[] smallUnits(Network network, double epsilon, Well19937c random) {
        double[] theta = new double[network.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = epsilon * random.nextGaussian();
        }
        return theta;
    }

    /** The unit vector d turned by a random angle of at most {@code angle} radians. */
    private static double[] jittered(double[] d, double angle, Well19937c random) {
        double[] e = new double[d.length];
        for (int j = 0; j < d.length; j++) {
            e[j] = random.nextGaussian();
        }
        double along = 0;
        for (int j = 0; j < d.length; j++) {
            along += e[j] * d[j];
        }
        double norm = 0;
        for (int j = 0; j < d.length; j++) {
            e[j] -= along * d[j];
            norm += e[j] * e[j];
        }
        norm = Math.sqrt(norm);
        double turn = angle * random.nextDouble();
        double[] out = new double[d.length];
        for (int j = 0; j < d.length; j++) {
            out[j] = Math.cos(turn) * d[j] + Math.sin(turn) * e[j] / norm;
        }
        return out;
    }

    /** A network whose φ has neither a zero element nor homogeneity: no saddle type applies. */
    private static final class NoSaddle implements Network {
        @Override
        public String kind() {
            return "plain";
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public int inputSize() {
            return 1;
        }

        @Override
        public int outputSize() {
            return 1;
        }

        @Override
        public int uSize() {
            return 1;
        }

        @Override
        public int vSize() {
            return 1;
        }

        @Override
        public PhiTraits traits() {
            return new PhiTraits(false, 0, false, false);
        }

        @Override
        public Network withWidth(int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DMatrixRMaj unitTerm(double[] theta, int unit, DMatrixRMaj X) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DMatrixRMaj predict(double[] theta, DMatrixRMaj X) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Objective objective(Dataset data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MinibatchObjective minibatchObjective(Dataset data, int batchSize) {
            throw new UnsupportedOperationException();
        }
    }
}
