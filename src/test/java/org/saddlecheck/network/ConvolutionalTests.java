package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;

/** Examples of the convolutional network against independent formulas. */
class ConvolutionalTests {
    // Fixed so that a failure replays; any seed gives generic (full-rank, kink-free) cases.
    private static final long SEED = 7_2025L;

    @Test
    void activationsOtherThanLinearAndReluAreRejectedByName() {
        assertThatThrownBy(() -> new Convolutional(Activation.TANH, 3, 2, 4))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tanh");
        assertThat(new Convolutional(Activation.RELU, 3, 2, 4).kind()).isEqualTo("relu-conv");
        assertThat(new Convolutional(Activation.LINEAR, 3, 2, 4).kind()).isEqualTo("linear-conv");
    }

    @Test
    void linearConvolutionIsTheInnerProductWithTheSumOfKernelReadoutProducts() {
        SplittableRandom random = new SplittableRandom(SEED);
        int np = 4;
        int k = 3;
        Convolutional network = new Convolutional(Activation.LINEAR, np, k, 5);
        double[] theta = Generators.gaussianTheta(network, 1, random);
        DMatrixRMaj X = Generators.gaussianMatrix(9, np * k, random);

        // W = Σ_i v_i u_iᵀ (N_p × k); f(x) = Σ_p Σ_d W_pd x_{p·k+d}.
        double[][] W = new double[np][k];
        double[][] absW = new double[np][k];
        for (int i = 0; i < network.width(); i++) {
            for (int p = 0; p < np; p++) {
                for (int d = 0; d < k; d++) {
                    double term = theta[network.vOffset(i) + p] * theta[network.uOffset(i) + d];
                    W[p][d] += term;
                    absW[p][d] += Math.abs(term);
                }
            }
        }
        DMatrixRMaj f = network.predict(theta, X);
        for (int mu = 0; mu < X.numRows; mu++) {
            double expected = 0;
            double magnitude = 0;
            for (int p = 0; p < np; p++) {
                for (int d = 0; d < k; d++) {
                    expected += W[p][d] * X.get(mu, p * k + d);
                    magnitude += absW[p][d] * Math.abs(X.get(mu, p * k + d));
                }
            }
            // Both sides are sums of the H·N_p·k products v_ip u_id x_pd in different orders:
            // each is within γ_{H+N_p·k+1} of the exact sum, relative to the sum of magnitudes.
            double bound = 2 * Magnitudes.gamma(network.width() + np * k + 1) * magnitude;
            assertThat(Math.abs(f.get(mu, 0) - expected)).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void reluConvolutionWithOnePatchIsTheFullyConnectedReluNetwork() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int k = 4;
        Convolutional conv = new Convolutional(Activation.RELU, 1, k, 6);
        FullyConnected dense = new FullyConnected(Activation.RELU, k, 1, 6, false);
        Dataset data = Generators.gaussianData(conv, 25, random);
        double[] theta = Generators.gaussianTheta(conv, 0.7, random);

        Objective a = conv.objective(data);
        Objective b = dense.objective(data);
        double[] ga = new double[theta.length];
        double[] gb = new double[theta.length];
        double la = a.lossAndGradient(theta, ga);
        double lb = b.lossAndGradient(theta, gb);

        // Same layout (u_i then one readout), same map: two evaluations of the same sums.
        Magnitudes m = Magnitudes.of(conv, data, theta);
        assertThat(Math.abs(la - lb)).isLessThanOrEqualTo(2 * m.lossError());
        for (int j = 0; j < theta.length; j++) {
            assertThat(Math.abs(ga[j] - gb[j])).isLessThanOrEqualTo(2 * m.entry(j));
        }
        assertThat(conv.predict(theta, data.X()).data)
                .containsExactly(dense.predict(theta, data.X()).data);
    }
}
