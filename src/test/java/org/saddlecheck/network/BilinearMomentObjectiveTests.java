package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.InContextRegression;
import org.saddlecheck.task.QuadraticTarget;

/**
 * The moment form computes the sample loss and gradient of the quadratic network and of linear
 * self-attention. Gradient: it sums the same products as the sample form, regrouped (Σ_zz m
 * collects (1/P) Σ_μ z_μj z_μl m_l), so both are within round-off of the exact value: the sample
 * form within (3γ_m + γ_{P+2}) ḡ_k ({@link Magnitudes}), the moment form within
 * γ_{P + D² + H + D + 10} ḡ_k (its longest chain: P terms of a moment, H units of m, D² entries of
 * Σ_zz m, D entries of G q, and the roundings of z and of the scalings). Loss: the sample form's
 * bound plus the same chain bound on the moment form's sums, 2γ_{P + D² + H + D + 10} L̄. That
 * leaves out the error δm* of the pseudo-inverse, which adds about ½|δm*·Σ_zz m| (of order
 * D²·u·κ(Σ_zz)·‖m*‖‖Σ_zz m‖): the test data are well conditioned, so the check stays strict and
 * would fail if the pseudo-inverse lost accuracy.
 */
class BilinearMomentObjectiveTests {

    @Test
    void quadraticNetworkMomentsAgreeWithTheSamplesToRoundOff() {
        // fixed seeds: any data and θ; P ≥ D(D+1)/2 so that the data determine the symmetric M
        Dataset data = QuadraticTarget.generate(5, 40, new double[] {1, -0.6, 0.3}, true, 3).data();
        FullyConnected net = new FullyConnected(Activation.SQUARE, 5, 1, 7, false);
        check(net, data, net.momentObjective(data), net.objective(data), 5, 7);
    }

    @Test
    void attentionMomentsAgreeWithTheSamplesToRoundOff() {
        Dataset data = InContextRegression.generate(3, 6, 30, 4).data();
        LinearAttention net = new LinearAttention(3, 6, 5, false);
        check(net, data, net.momentObjective(data), net.objective(data), 3, 5);
    }

    @Test
    void networksWithoutTheBilinearFormAreRefusedByName() {
        Dataset data = QuadraticTarget.generate(3, 10, 1).data();
        assertThatThrownBy(() -> new FullyConnected(Activation.RELU, 3, 1, 4, false).momentObjective(data))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quadratic network");
        Dataset tokens = InContextRegression.generate(2, 4, 10, 1).data();
        assertThatThrownBy(() -> new LinearAttention(2, 4, 3, true).momentObjective(tokens))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("separate keys");
    }

    @Test
    void aWrongFactorInTheMomentGradientIsCaught() {
        // the check is sharp: G scaled by 1 + 10⁻⁶ (as a wrong moment would scale it) leaves the band
        Dataset data = QuadraticTarget.generate(4, 30, 5).data();
        FullyConnected net = new FullyConnected(Activation.SQUARE, 4, 1, 3, false);
        double[] theta = point(new SplittableRandom(9), net.parameterCount());
        double[] gm = new double[theta.length];
        double[] gs = new double[theta.length];
        net.momentObjective(data).lossAndGradient(theta, gm);
        net.objective(data).lossAndGradient(theta, gs);
        Magnitudes mag = Magnitudes.of(net, data, theta);
        boolean outside = false;
        for (int j = 0; j < theta.length; j++) {
            outside |= Math.abs(gm[j] * (1 + 1e-6) - gs[j]) > gradientBound(net, data, mag, j, 4, 3);
        }
        assertThat(outside).isTrue();
    }

    @Test
    void evaluatingAllocatesNothing() {
        // the Vector API allocates its vectors until the JIT compiles the kernels (after some
        // thousands of calls), so the rounds run long enough for that; the minimum over rounds is
        // then the steady state
        assumeTrue(Allocations.supported());
        Dataset data = InContextRegression.generate(3, 6, 30, 4).data();
        Objective f = new LinearAttention(3, 6, 5, false).momentObjective(data);
        double[] theta = point(new SplittableRandom(2), f.dimension());
        double[] g = new double[theta.length];
        long fewest = Allocations.fewestBytesPerRound(() -> {
            f.loss(theta);
            f.lossAndGradient(theta, g);
        }, 50, 400);
        assertThat(fewest).isZero();
    }

    private static void check(Network net, Dataset data, BilinearMomentObjective moments,
            Objective samples, int d, int h) {
        // fixed seed; θ of order one so that the residuals are far from the targets' size
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 20; trial++) {
            double[] theta = point(random, net.parameterCount());
            double[] gm = new double[theta.length];
            double[] gs = new double[theta.length];
            double lm = moments.lossAndGradient(theta, gm);
            double ls = samples.lossAndGradient(theta, gs);
            Magnitudes mag = Magnitudes.of(net, data, theta);
            for (int j = 0; j < theta.length; j++) {
                assertThat(Math.abs(gm[j] - gs[j])).as("gradient entry %d", j)
                        .isLessThanOrEqualTo(gradientBound(net, data, mag, j, d, h));
            }
            assertThat(moments.loss(theta)).isEqualTo(lm);
            assertThat(Math.abs(lm - ls)).isLessThanOrEqualTo(
                    2 * mag.lossError() + Magnitudes.gamma(data.samples() + d * d + h + d + 10)
                            * 2 * mag.loss());
        }
    }

    private static double gradientBound(Network net, Dataset data, Magnitudes mag, int j, int d, int h) {
        return mag.entry(j) + Magnitudes.gamma(data.samples() + d * d + h + d + 10) * mag.gradient()[j];
    }

    private static double[] point(SplittableRandom random, int n) {
        double[] theta = new double[n];
        for (int j = 0; j < n; j++) {
            theta[j] = random.nextGaussian();
        }
        return theta;
    }
}
