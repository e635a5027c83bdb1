package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;

/**
 * The ReLU network's loss cut into regions: with θ's own pattern it is the network's loss, and
 * in every region, whatever the pattern, Euler's identity u_i·∇_{u_i}L_a = v_i·∇_{v_i}L_a holds.
 */
class ReluRegionsTests {

    /** Random data and weights; seed 5 is arbitrary. */
    private static final SplittableRandom RANDOM = new SplittableRandom(5);

    private static Dataset data(int samples, int inputs) {
        DMatrixRMaj X = new DMatrixRMaj(samples, inputs);
        DMatrixRMaj Y = new DMatrixRMaj(samples, 1);
        for (int k = 0; k < X.data.length; k++) {
            X.data[k] = RANDOM.nextGaussian();
        }
        for (int k = 0; k < Y.data.length; k++) {
            Y.data[k] = RANDOM.nextGaussian();
        }
        return new Dataset(X, Y);
    }

    private static double[] theta(Network n) {
        double[] theta = new double[n.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = RANDOM.nextGaussian();
        }
        return theta;
    }

    @Test
    void withItsOwnPatternItIsTheNetworksLossAndGradient() {
        for (boolean bias : new boolean[] {false, true}) {
            FullyConnected n = new FullyConnected(Activation.RELU, 3, 1, 4, bias);
            Dataset data = data(16, 3);
            double[] theta = theta(n);
            double[] expected = new double[theta.length];
            double[] actual = new double[theta.length];
            double l = n.objective(data).lossAndGradient(theta, expected);
            double m = ReluRegions.of(n, data).lossAndGradient(theta, actual);

            // both computations are each within the Magnitudes bounds of the exact values
            Magnitudes e = Magnitudes.of(n, data, theta);
            assertThat(Math.abs(m - l)).isLessThanOrEqualTo(2 * e.lossError());
            for (int k = 0; k < theta.length; k++) {
                assertThat(Math.abs(actual[k] - expected[k])).isLessThanOrEqualTo(2 * e.entry(k));
            }
        }
    }

    @Test
    void everyRegionSatisfiesEulersIdentityUnitByUnit() {
        FullyConnected n = new FullyConnected(Activation.RELU, 2, 1, 3, true);
        FullyConnected linear = new FullyConnected(Activation.LINEAR, 2, 1, 3, true);
        Dataset data = data(16, 2);
        ReluRegions regions = ReluRegions.of(n, data);
        double[] theta = theta(n);
        boolean[] pattern = new boolean[regions.switches()];
        for (int k = 0; k < pattern.length; k++) {
            pattern[k] = RANDOM.nextBoolean();
        }
        double[] g = new double[theta.length];
        regions.regionLossAndGradient(theta, pattern, g);

        // a region's terms are a subset of the linear network's, whose magnitudes bound the
        // gradient's round-off δ; u·g_u and v·g_v are exactly equal, so the computed ones differ
        // by at most Σ|θ_k|δ_k plus the rounding of the two dot products, γ_s Σ|θ_k| ḡ_k
        Magnitudes e = Magnitudes.of(linear, data, theta);
        double[] magnitude = e.gradient();
        for (int i = 0; i < n.width(); i++) {
            double uu = 0;
            double vv = 0;
            double bound = 0;
            for (int d = 0; d < n.unitSize(); d++) {
                int k = n.uOffset(i) + d;
                double product = theta[k] * g[k];
                if (d < n.uSize()) {
                    uu += product;
                } else {
                    vv += product;
                }
                bound += Math.abs(theta[k]) * (e.entry(k)
                        + Magnitudes.gamma(n.unitSize()) * magnitude[k]);
            }
            assertThat(Math.abs(uu - vv)).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void onTwoKinksOfOneSampleTheGradientIsAffineInTheirActivations() {
        FullyConnected n = new FullyConnected(Activation.RELU, 2, 1, 3, true);
        FullyConnected linear = new FullyConnected(Activation.LINEAR, 2, 1, 3, true);
        Dataset data = data(16, 2);
        ReluRegions regions = ReluRegions.of(n, data);
        double[] theta = theta(n);

        // units 0 and 1 both on the kink of sample 0 (u_i·x̃_0 = 0, by projection): k = i·P + 0;
        // kinks of different samples never interact, those of one sample only through r_0,
        // whose terms a_i0 z_i0 v_i vanish on the intersection
        double[] x = {data.X().get(0, 0), data.X().get(0, 1), 1};
        for (int i = 0; i < 2; i++) {
            int u = n.uOffset(i);
            double z = theta[u] * x[0] + theta[u + 1] * x[1] + theta[u + 2];
            double xx = x[0] * x[0] + x[1] * x[1] + 1;
            for (int d = 0; d < 3; d++) {
                theta[u + d] -= z / xx * x[d];
            }
        }
        int k = 0;
        int l = 16;
        boolean[] pattern = new boolean[regions.switches()];
        regions.pattern(theta, pattern);
        double[][] g = new double[4][theta.length];
        for (int c = 0; c < 4; c++) {
            pattern[k] = (c & 1) != 0;
            pattern[l] = (c & 2) != 0;
            regions.regionLossAndGradient(theta, pattern, g[c]);
        }

        // the mixed difference g₁₁ − g₁₀ − g₀₁ + g₀₀ vanishes exactly: each of the four computed
        // gradients is within the linear network's round-off bound δ_k of its exact value, and
        // combining them rounds by at most γ₃ times the sum of their magnitudes
        Magnitudes e = Magnitudes.of(linear, data, theta);
        double[] magnitude = e.gradient();
        for (int j = 0; j < theta.length; j++) {
            double mixed = g[3][j] - g[1][j] - g[2][j] + g[0][j];
            double bound = 4 * e.entry(j) + Magnitudes.gamma(3) * 4 * magnitude[j];
            assertThat(Math.abs(mixed)).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void refusesAnActivationWithoutKinks() {
        FullyConnected n = new FullyConnected(Activation.TANH, 2, 1, 3, false);

        assertThatThrownBy(() -> ReluRegions.of(n, data(8, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("relu");
    }
}
