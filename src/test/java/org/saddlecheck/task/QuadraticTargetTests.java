package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saddlecheck.task.RoundOff.gamma;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class QuadraticTargetTests {

    // Any seed works: the claims hold for every draw. Fixed so that a failure can be replayed.
    private static final long SEED = 5L;

    /**
     * max over a, b of |Σ_yZ,ab − T_ab| / bound_ab where bound_ab is the round-off bound of the
     * generator's correction and the test's evaluation: each of the two evaluations of the inner
     * product (1/P) Σ_μ y_μ x_μa x_μb is a chain of P + 4 roundings, plus one rounding of each
     * target in the final update (see MinimumNormCorrectionTests for the second-order term, here
     * below 1e-25 relative for P·m ≤ 10⁴ and κ ≤ 10⁴).
     */
    static double worstRelativeToBound(Dataset data, DMatrixRMaj T) {
        int p = data.samples();
        int d = data.inputSize();
        double worst = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double sum = 0;
                double magnitude = 0;
                for (int mu = 0; mu < p; mu++) {
                    double term = data.Y().get(mu, 0) * data.X().get(mu, a) * data.X().get(mu, b);
                    sum += term;
                    magnitude += Math.abs(term);
                }
                double bound = (2 * gamma(p + 4) + gamma(1) + 1e-25) * magnitude / p;
                worst = Math.max(worst, Math.abs(sum / p - T.get(a, b)) / bound);
            }
        }
        return worst;
    }

    @Test
    void defaultTargetHasExactlyDiagTwoMinusTwo() {
        QuadraticTarget task = QuadraticTarget.generate(3, 60, SEED);

        DMatrixRMaj expected = new DMatrixRMaj(3, 3);
        expected.set(0, 0, 2);
        expected.set(1, 1, -2);
        assertThat(task.sigmaYZ().data).containsExactly(expected.data);
        assertThat(worstRelativeToBound(task.data(), expected)).isLessThanOrEqualTo(1);
    }

    @Test
    void targetWithNonZeroTraceMatchesItsPopulationValue() {
        double[] lambda = {1.5, 0.5, -0.25};
        QuadraticTarget task = QuadraticTarget.generate(4, 40, lambda, true, SEED);

        // E[y x xᵀ] = 2 diag(λ) + (Σλ) I by Isserlis' theorem, with λ padded to D = 4.
        double trace = 1.5 + 0.5 - 0.25;
        DMatrixRMaj expected = CommonOps_DDRM.diag(2 * 1.5 + trace, 2 * 0.5 + trace,
                2 * -0.25 + trace, trace);
        assertThat(task.sigmaYZ().data).containsExactly(expected.data);
        assertThat(worstRelativeToBound(task.data(), expected)).isLessThanOrEqualTo(1);
    }

    @Test
    void withoutCorrectionTheTargetIsTheQuadraticFormAndTheStatisticIsOnlySampled() {
        QuadraticTarget task = QuadraticTarget.generate(2, 60, new double[] {1, -1}, false, SEED);

        for (int mu = 0; mu < 60; mu++) {
            double x1 = task.data().X().get(mu, 0);
            double x2 = task.data().X().get(mu, 1);
            // Two squares, two products and one sum: γ_5 relative to x1² + x2².
            assertThat(Math.abs(task.data().Y().get(mu, 0) - (x1 * x1 - x2 * x2)))
                    .isLessThanOrEqualTo(gamma(5) * (x1 * x1 + x2 * x2));
        }
        // The sampling error is O(1/√P) ≈ 0.1 here, billions of times the round-off bound: the
        // exactness check above can fail.
        assertThat(worstRelativeToBound(task.data(), task.sigmaYZ())).isGreaterThan(1e6);
        assertThat(task.correction()).isZero();
    }

    @Test
    void correctionKeepsTheInputsAndMovesTheTargetsLittle() {
        QuadraticTarget exact = QuadraticTarget.generate(2, 400, SEED);
        QuadraticTarget raw = QuadraticTarget.generate(2, 400, new double[] {1, -1}, false, SEED);

        assertThat(exact.data().X().data).isEqualTo(raw.data().X().data);
        // The correction has the size of the sampling error of Σ_yZ relative to the target's
        // spread, O(1/√P) = 0.05; a correction of order one would mean a wrong population value.
        assertThat(exact.correction()).isPositive().isLessThan(0.5);
    }

    @Test
    void correctedTargetsRemainAQuadraticForm() {
        QuadraticTarget task = QuadraticTarget.generate(3, 40, new double[] {1, -0.5}, true, SEED);
        DMatrixRMaj X = task.data().X();
        double[] y = task.data().Y().data;
        double[] cubic = y.clone();
        for (int mu = 0; mu < 40; mu++) {
            cubic[mu] += 0.1 * Math.pow(X.get(mu, 0), 3);
        }

        // The least-norm correction lies in the span of the features x_a x_b, so y' is a quadratic
        // form: least squares on the 6 features leaves only round-off. A backward-stable least
        // squares solve (Householder QR) has residual error γ_{Pm}(‖y'‖ + ‖F‖_F‖c‖); y' itself
        // carries the roundings of its evaluation and of the two updates, γ_{2D+3}‖y'‖.
        assertThat(quadraticResidual(X, y)).isLessThanOrEqualTo(1);
        // A cubic term is not a quadratic form: its residual is far above the round-off bound.
        assertThat(quadraticResidual(X, cubic)).isGreaterThan(1e6);
    }

    /** ‖y − F c‖ / its round-off bound, for the least-squares fit c of y on the features x_a x_b. */
    private static double quadraticResidual(DMatrixRMaj X, double[] y) {
        int p = X.numRows;
        int d = X.numCols;
        int m = d * (d + 1) / 2;
        DMatrixRMaj F = new DMatrixRMaj(p, m);
        for (int mu = 0; mu < p; mu++) {
            int k = 0;
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    F.set(mu, k++, X.get(mu, a) * X.get(mu, b));
                }
            }
        }
        DMatrixRMaj target = DMatrixRMaj.wrap(p, 1, y.clone());
        DMatrixRMaj c = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.solve(F, target, c);
        DMatrixRMaj fitted = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.mult(F, c, fitted);
        CommonOps_DDRM.subtractEquals(fitted, target);
        double yNorm = NormOps_DDRM.normF(target);
        double bound = gamma(p * m) * (yNorm + NormOps_DDRM.normF(F)
                * NormOps_DDRM.normF(c)) + gamma(2 * d + 3) * yNorm;
        double residual = NormOps_DDRM.normF(fitted);
        return residual / bound;
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        QuadraticTarget a = QuadraticTarget.generate(3, 30, 99);
        QuadraticTarget b = QuadraticTarget.generate(3, 30, 99);
        assertThat(a.data().Y().data).isEqualTo(b.data().Y().data);
        assertThat(a.data().X().data).isNotEqualTo(QuadraticTarget.generate(3, 30, 100).data().X().data);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> QuadraticTarget.generate(3, 5, SEED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("samples P (5) must be at least D(D+1)/2 = 6");
        assertThatThrownBy(() -> QuadraticTarget.generate(1, 10, new double[] {1, -1}, true, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("λ has 2 values");
        assertThatThrownBy(() -> QuadraticTarget.generate(2, 10, new double[] {Double.NaN}, true, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("λ[0] (NaN)");
    }

    @Test
    void inOneDimensionTheCorrectionRescalesTheTargetByThreeOverTheSampleFourthMoment() {
        // the least change with (1/P) Σ y' x² = 3λ is y' = (3/m̂₄) y (class documentation), for a
        // target of either sign; fixed seeds: any draw. Round-off: m̂₄ and the QR solve are sums of
        // P terms of one sign, two passes: within γ_{4P+20} relative
        for (double lambda : new double[] {1, -0.5}) {
            QuadraticTarget exact = QuadraticTarget.generate(1, 30, new double[] {lambda}, true, SEED);
            QuadraticTarget raw = QuadraticTarget.generate(1, 30, new double[] {lambda}, false, SEED);
            double m4 = 0;
            for (double x : raw.data().X().data) {
                m4 += x * x * x * x;
            }
            m4 /= 30;
            double nu = (4 * 30 + 20) * Math.ulp(1.0) / 2;
            double gamma = nu / (1 - nu);
            assertThat(Math.abs(exact.correction() - Math.abs(3 / m4 - 1)))
                    .isLessThanOrEqualTo(gamma * (3 / m4 + 1));
            for (int mu = 0; mu < 30; mu++) {
                double y = raw.data().Y().get(mu, 0);
                assertThat(Math.abs(exact.data().Y().get(mu, 0) - 3 / m4 * y))
                        .isLessThanOrEqualTo(gamma * 3 / m4 * Math.abs(y) * 4);
            }
        }
    }
}
