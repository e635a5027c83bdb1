package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

/**
 * Linear attention against independent computations: the merged form against a linear fully
 * connected network fed the cubic features vec(Z) (the paper's negative control: they train
 * identically), and the separate form against the quadratic form k_iᵀ Z q_i.
 */
class LinearAttentionTests {
    // Fixed so that a failure replays; the cases are generic for any seed.
    private static final long SEED = 31_337L;
    private static final int D = 3;
    private static final int N = 8;
    private static final int HEADS = 4;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final Dataset tokens = Generators.inContextRegression(D, N, 40, random);
    private final LinearAttention merged = new LinearAttention(D, N, HEADS, true);
    private final FullyConnected dense = new FullyConnected(Activation.LINEAR, D * D, 1, HEADS, false);
    private final Dataset features = new Dataset(Tokens.cubicFeatures(tokens.X(), D, N), tokens.Y());

    @Test
    void kindsAndTraitsFollowTheKeyQueryForm() {
        LinearAttention separate = new LinearAttention(D, N, HEADS, false);
        assertThat(separate.kind()).isEqualTo("attention");
        assertThat(merged.kind()).isEqualTo("attention-merged");
        assertThat(separate.traits()).isEqualTo(PhiTraits.polynomial(2));
        assertThat(merged.traits()).isEqualTo(PhiTraits.LINEAR);
        assertThat(separate.uSize()).isEqualTo(2 * D);
        assertThat(merged.uSize()).isEqualTo(D * D);
        assertThat(merged.inputSize()).isEqualTo(Tokens.rowLength(D, N));
    }

    @Test
    void mergedAttentionPredictsLikeALinearNetworkOnTheCubicFeatures() {
        double[] theta = Generators.gaussianTheta(merged, 0.5, random);
        DMatrixRMaj f = merged.predict(theta, tokens.X());
        DMatrixRMaj g = dense.predict(theta, features.X());
        // Both are sums of the same products v_i W_iab y_n x_na x_qb / N in different orders; each
        // is within γ_m of the exact value relative to the same sum of magnitudes, which is the
        // prediction of |θ| on the absolute tokens.
        DMatrixRMaj magnitude = merged.predict(abs(theta), abs(tokens.X()));
        double gamma = Magnitudes.gamma(N + D * D + HEADS + 4);
        for (int mu = 0; mu < f.numRows; mu++) {
            assertThat(Math.abs(f.data[mu] - g.data[mu])).isLessThanOrEqualTo(
                    2 * gamma * magnitude.data[mu]);
        }
    }

    @Test
    void mergedAttentionHasTheLossAndGradientOfTheLinearNetworkOnTheCubicFeatures() {
        double[] theta = Generators.gaussianTheta(merged, 0.5, random);
        double[] ga = new double[theta.length];
        double[] gf = new double[theta.length];
        double la = merged.objective(tokens).lossAndGradient(theta, ga);
        double lf = dense.sampleObjective(features).lossAndGradient(theta, gf);

        // Two evaluations of the same sums, each within the round-off bounds of Magnitudes.
        Magnitudes m = Magnitudes.of(merged, tokens, theta);
        assertThat(Math.abs(la - lf)).isLessThanOrEqualTo(2 * m.lossError());
        for (int j = 0; j < theta.length; j++) {
            assertThat(Math.abs(ga[j] - gf[j])).isLessThanOrEqualTo(2 * m.entry(j));
        }
    }

    /**
     * Plain gradient descent θ ← θ − η∇L on both, from the same θ₀. With e_n = θ_a − θ_f, exact
     * gradient g and computed gradients off by δ_a, δ_f:
     * e_{n+1} = (I − η H̄_n) e_n − η(δ_a − δ_f) + ρ_n, with H̄_n the Hessian averaged between the two
     * points and ρ_n the rounding of the two updates (each entry at most 2ε(|θ_j| + η|g_j|) per
     * trajectory). Hence ‖e_{n+1}‖ ≤ a_n ‖e_n‖ + 2η‖δ̄‖ + ‖ρ̄_n‖ with a_n = ‖I − ηH_n‖₂ =
     * max_k |1 − ηλ_k(H_n)|, computed from the Hessian at θ_f(n); the margin η √ε max|λ| added to
     * a_n covers the Hessian's own error (≈ ε^{2/3} relative) and H̄_n − H_n, which is O(‖e_n‖).
     */
    @Test
    void mergedAttentionAndTheLinearNetworkFollowTheSameGradientDescentTrajectory() {
        double eta = 0.02;
        int steps = 300;
        double[] a = Generators.gaussianTheta(merged, 0.5, random);
        double[] f = a.clone();
        Objective attention = merged.objective(tokens);
        Objective linear = dense.sampleObjective(features);
        double[] ga = new double[a.length];
        double[] gf = new double[a.length];
        double bound = 0;
        double startLoss = linear.loss(f);
        for (int n = 0; n < steps; n++) {
            attention.lossAndGradient(a, ga);
            linear.lossAndGradient(f, gf);
            double[] lambda = Hessian.eigenvalues(Hessian.of(linear, f));
            double top = Math.max(Math.abs(lambda[0]), Math.abs(lambda[lambda.length - 1]));
            assertThat(eta * lambda[lambda.length - 1]).as("stable step").isLessThan(2);
            double amplification = Math.max(Math.abs(1 - eta * lambda[0]),
                    Math.abs(1 - eta * lambda[lambda.length - 1]))
                    + eta * Math.sqrt(Magnitudes.UNIT_ROUNDOFF) * top;
            Magnitudes m = Magnitudes.of(dense, features, f);
            double gradientNoise = 0;
            double updateRounding = 0;
            for (int j = 0; j < a.length; j++) {
                gradientNoise += square(2 * m.entry(j));
                updateRounding += square(2 * Magnitudes.UNIT_ROUNDOFF
                        * (Math.abs(a[j]) + Math.abs(f[j]) + eta * (Math.abs(ga[j]) + Math.abs(gf[j]))));
            }
            bound = amplification * bound + eta * Math.sqrt(gradientNoise) + Math.sqrt(updateRounding);
            double distance = 0;
            for (int j = 0; j < a.length; j++) {
                a[j] -= eta * ga[j];
                f[j] -= eta * gf[j];
                distance += square(a[j] - f[j]);
            }
            distance = Math.sqrt(distance);
            assertThat(distance).as("step %d", n).isLessThanOrEqualTo(bound);
        }
        // The run must move: the loss falls, so the trajectories compared are not trivial.
        assertThat(linear.loss(f)).isLessThan(0.9 * startLoss);
    }

    @Test
    void separateAttentionIsTheQuadraticFormOfKeyAndQueryInTheCubicFeature() {
        LinearAttention separate = new LinearAttention(D, N, HEADS, false);
        double[] theta = Generators.gaussianTheta(separate, 0.8, random);
        DMatrixRMaj Z = features.X();
        DMatrixRMaj f = separate.predict(theta, tokens.X());
        DMatrixRMaj magnitude = separate.predict(abs(theta), abs(tokens.X()));
        for (int mu = 0; mu < Z.numRows; mu++) {
            // ŷ = Σ_i v_i Σ_ab k_ia Z_ab q_ib.
            double expected = 0;
            for (int i = 0; i < HEADS; i++) {
                int u = separate.uOffset(i);
                double form = 0;
                for (int p = 0; p < D; p++) {
                    for (int q = 0; q < D; q++) {
                        form += theta[u + p] * Z.get(mu, p * D + q) * theta[u + D + q];
                    }
                }
                expected += theta[separate.vOffset(i)] * form;
            }
            double gamma = Magnitudes.gamma(N + D * D + HEADS + 4);
            assertThat(Math.abs(f.data[mu] - expected)).isLessThanOrEqualTo(
                    2 * gamma * magnitude.data[mu]);
        }
    }

    private static double square(double x) {
        return x * x;
    }

    private static double[] abs(double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = Math.abs(x[k]);
        }
        return y;
    }

    private static DMatrixRMaj abs(DMatrixRMaj X) {
        DMatrixRMaj Y = X.copy();
        for (int k = 0; k < Y.data.length; k++) {
            Y.data[k] = Math.abs(Y.data[k]);
        }
        return Y;
    }
}
