package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saddlecheck.task.RoundOff.gamma;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class InContextRegressionTests {

    // Any seed works: the claims hold for every draw. Fixed so that a failure can be replayed.
    private static final long SEED = 3L;

    /**
     * max over entries of |Σ_yZ − vec(Λ²)| divided by its round-off bound. Z_μ comes from
     * Tokens.cubicFeatures in both the generator and here (the same numbers); each evaluation of
     * (1/P) Σ_μ y_μ Z_μ,ab is a chain of P + 2 roundings, there are two (the generator's last
     * residual and this one), plus one rounding of each target in the final update; the
     * second-order term of the refinement is below 1e-25 relative for these sizes.
     */
    static double worstRelativeToBound(InContextRegression task) {
        Dataset data = task.data();
        DMatrixRMaj Z = Tokens.cubicFeatures(data.X(), task.dimension(), task.context());
        int p = data.samples();
        double worst = 0;
        for (int k = 0; k < Z.numCols; k++) {
            double sum = 0;
            double magnitude = 0;
            for (int mu = 0; mu < p; mu++) {
                double term = data.Y().get(mu, 0) * Z.get(mu, k);
                sum += term;
                magnitude += Math.abs(term);
            }
            double bound = (2 * gamma(p + 2) + gamma(1) + 1e-25) * magnitude / p;
            worst = Math.max(worst, Math.abs(sum / p - task.sigmaYZ().get(0, k)) / bound);
        }
        return worst;
    }

    @Test
    void reWhitenedStatisticIsExactlyLambdaSquared() {
        double[] lambda = {2, 1, 0.5};
        InContextRegression task = InContextRegression.generate(3, 8, 120, lambda, true, SEED);

        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(task.sigmaYZ().get(0, a * 3 + b)).isEqualTo(a == b ? lambda[a] * lambda[a] : 0);
            }
        }
        assertThat(worstRelativeToBound(task)).isLessThanOrEqualTo(1);
    }

    @Test
    void contextTargetsAreTheTaskAppliedToTheContextInputs() {
        InContextRegression task = InContextRegression.generate(2, 5, 30, SEED);
        DMatrixRMaj X = task.data().X();

        for (int mu = 0; mu < 30; mu++) {
            for (int n = 0; n < 5; n++) {
                double dot = 0;
                double magnitude = 0;
                for (int a = 0; a < 2; a++) {
                    double term = task.tasks().get(mu, a) * X.get(mu, Tokens.xOffset(2, n) + a);
                    dot += term;
                    magnitude += Math.abs(term);
                }
                // An inner product of length D = 2: γ_2 relative to Σ|w_a x_a|.
                assertThat(Math.abs(X.get(mu, Tokens.yOffset(2, n)) - dot))
                        .isLessThanOrEqualTo(gamma(2) * magnitude);
            }
        }
    }

    @Test
    void withoutReWhiteningTheQueryTargetIsTheTaskAndTheStatisticIsOnlySampled() {
        InContextRegression task = InContextRegression.generate(2, 4, 50, new double[] {1, 1}, false,
                SEED);
        DMatrixRMaj X = task.data().X();
        int q = Tokens.queryOffset(2, 4);

        for (int mu = 0; mu < 50; mu++) {
            double w0 = task.tasks().get(mu, 0);
            double w1 = task.tasks().get(mu, 1);
            double expected = w0 * X.get(mu, q) + w1 * X.get(mu, q + 1);
            assertThat(Math.abs(task.data().Y().get(mu, 0) - expected))
                    .isLessThanOrEqualTo(gamma(2) * (Math.abs(w0 * X.get(mu, q))
                            + Math.abs(w1 * X.get(mu, q + 1))));
        }
        // Sampling error O(1/√P) is many orders above round-off: the exactness check can fail.
        assertThat(worstRelativeToBound(task)).isGreaterThan(1e6);
    }

    @Test
    void reWhiteningChangesOnlyTheQueryTargets() {
        InContextRegression exact = InContextRegression.generate(2, 4, 64, SEED);
        InContextRegression raw = InContextRegression.generate(2, 4, 64, new double[] {1, 1}, false,
                SEED);

        assertThat(exact.data().X().data).isEqualTo(raw.data().X().data);
        assertThat(exact.tasks().data).isEqualTo(raw.tasks().data);
        assertThat(exact.correction()).isPositive().isLessThan(1);
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        InContextRegression a = InContextRegression.generate(2, 3, 20, 42);
        InContextRegression b = InContextRegression.generate(2, 3, 20, 42);
        assertThat(a.data().X().data).isEqualTo(b.data().X().data);
        assertThat(a.data().Y().data).isEqualTo(b.data().Y().data);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> InContextRegression.generate(3, 4, 8, SEED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("samples P (8) must be at least D² = 9");
        assertThatThrownBy(() -> InContextRegression.generate(2, 4, 8, new double[] {1}, true, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("spectrum Λ has length 1");
        assertThatThrownBy(() -> InContextRegression.generate(2, 4, 8, new double[] {1, 0}, true, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("spectrum Λ[1] (0.0)");
        assertThatThrownBy(() -> InContextRegression.generate(2, 0, 8, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("context length N (0)");
    }
}
