package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

/**
 * The point set reproduces the Gaussian moments of degree 4 and the statistics that follow from
 * them. Round-off: a moment is a mean of P products of four rounded coordinates, each coordinate
 * within one rounding of s_c or s_e (themselves within two roundings of their defining powers), so
 * it is within γ_{P + 16} of its exact value times the mean of the magnitudes, which is the moment
 * itself for the even moments checked here; the mixed odd moments cancel exactly by symmetry.
 */
class QuadraticPopulationTests {

    @Test
    void degreeFourMomentsAreGaussian() {
        for (int d = 1; d <= 5; d++) {
            DMatrixRMaj X = QuadraticPopulation.of(d, new double[] {1}).data().X();
            double tolerance = gamma(X.numRows + 16);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double expected = a == b ? 3 : 1;
                    assertThat(Math.abs(mean(X, a, a, b, b) - expected))
                            .isLessThanOrEqualTo(tolerance * expected);
                    if (a != b) {
                        // odd in x_b: the cube's terms ±s_c⁴ cancel, their magnitudes average 1
                        assertThat(Math.abs(mean(X, a, a, a, b))).isLessThanOrEqualTo(tolerance);
                    }
                }
            }
        }
    }

    @Test
    void targetStatisticIsItsPopulationValueWithTheTraceOnTheDiagonal() {
        // Σ_yZ = E[y x xᵀ] = 2 diag(λ) + (Σ_k λ_k) I (Isserlis), with no correction of the targets;
        // y = x_1² + x_2² in D = 4: diag(4, 4, 2, 2)
        double[] lambda = {1, 1};
        QuadraticPopulation pop = QuadraticPopulation.of(4, lambda);
        DMatrixRMaj X = pop.data().X();
        double[] y = pop.data().Y().data;
        DMatrixRMaj T = QuadraticTarget.populationSigmaYZ(pop.lambda());
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double s = 0;
                for (int mu = 0; mu < X.numRows; mu++) {
                    s += y[mu] * X.get(mu, a) * X.get(mu, b);
                }
                s /= X.numRows;
                // y x_a x_b is a sum of two products of degree 4 with coefficient 1
                assertThat(Math.abs(s - T.get(a, b))).isLessThanOrEqualTo(
                        gamma(X.numRows + 20) * (Math.abs(T.get(a, b)) + 2 * 3));
            }
        }
    }

    @Test
    void secondMomentsAreThoseOfTheRuleNotOfTheGaussian() {
        // documented: the points carry degree-4 forms only; E[x_a²] = (2^D s_c² + 2 s_e²)/P ≠ 1
        DMatrixRMaj X = QuadraticPopulation.of(4, new double[] {1}).data().X();
        double p = QuadraticPopulation.samples(4);
        double expected = (16 * Math.sqrt(p / 16) + 2 * Math.sqrt(p)) / p;
        assertThat(Math.abs(mean(X, 0, 0) - expected)).isLessThanOrEqualTo(gamma(40) * expected);
        assertThat(Math.abs(expected - 1)).isGreaterThan(0.1);
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> QuadraticPopulation.of(13, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputs D (13)");
        assertThatThrownBy(() -> QuadraticPopulation.of(2, new double[] {1, 2, 3}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("λ has 3 values");
        assertThatThrownBy(() -> QuadraticPopulation.of(2, new double[] {Double.NaN}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("λ");
    }

    private static double mean(DMatrixRMaj X, int... columns) {
        double s = 0;
        for (int mu = 0; mu < X.numRows; mu++) {
            double product = 1;
            for (int c : columns) {
                product *= X.get(mu, c);
            }
            s += product;
        }
        return s / X.numRows;
    }

    private static double gamma(int n) {
        double nu = n * Math.ulp(1.0) / 2;
        return nu / (1 - nu);
    }
}
