package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saddlecheck.task.RoundOff.gamma;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class MinimumNormCorrectionTests {

    // Any seed works; a fixed one keeps a failure replayable.
    private static final long SEED = 11L;

    @Test
    void correctedTargetsSolveTheSystemToRoundOff() {
        Well19937c random = new Well19937c(SEED);
        DMatrixRMaj A = Draws.gaussian(random, 6, 40);
        double[] y = Draws.gaussian(random, 40, 1).data;
        double[] t = Draws.gaussian(random, 6, 1).data;

        MinimumNormCorrection.apply(A, y, t, "S");

        // Each (Ay)_i is an inner product of length P = 40: γ_40·Σ_μ|A_iμ y_μ| for the test's
        // evaluation and the same for the generator's last residual, plus u·Σ|A y| for rounding the
        // final update; the solve's own relative error κγ_{Pm} acts on a residual that is already
        // of that size and is second order.
        DMatrixRMaj Ay = new DMatrixRMaj(6, 1);
        CommonOps_DDRM.mult(A, DMatrixRMaj.wrap(40, 1, y), Ay);
        for (int i = 0; i < 6; i++) {
            double magnitude = 0;
            for (int mu = 0; mu < 40; mu++) {
                magnitude += Math.abs(A.get(i, mu) * y[mu]);
            }
            double kappa = NormOps_DDRM.conditionP2(A);
            double secondOrder = Math.pow(kappa * gamma(40 * 6), 2);
            double tolerance = (2 * gamma(42) + gamma(1) + secondOrder) * magnitude;
            assertThat(Math.abs(Ay.get(i) - t[i])).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void theChangeLiesInTheRowSpaceSoItHasLeastNorm() {
        Well19937c random = new Well19937c(SEED);
        DMatrixRMaj A = Draws.gaussian(random, 5, 30);
        double[] before = Draws.gaussian(random, 30, 1).data;
        double[] t = Draws.gaussian(random, 5, 1).data;
        double[] after = before.clone();

        double relative = MinimumNormCorrection.apply(A, after, t, "S");

        // δ has least norm among all solutions exactly when δ = Aᵀc for some c. Project δ on the
        // row space by least squares and compare. The computed δ carries the two roundings of the
        // updates, |e_μ| ≤ u(|y'_μ| + |y_μ + δ1_μ|) ≤ 2u(|y'_μ| + |y_μ|) outside the row space; the
        // projection itself is backward stable, γ_{Pm}·‖δ‖.
        DMatrixRMaj delta = new DMatrixRMaj(30, 1);
        for (int mu = 0; mu < 30; mu++) {
            delta.set(mu, after[mu] - before[mu]);
        }
        DMatrixRMaj At = CommonOps_DDRM.transpose(A, null);
        DMatrixRMaj c = new DMatrixRMaj(5, 1);
        CommonOps_DDRM.solve(At, delta, c);
        DMatrixRMaj projected = new DMatrixRMaj(30, 1);
        CommonOps_DDRM.mult(At, c, projected);
        CommonOps_DDRM.subtractEquals(projected, delta);
        double tolerance = 2 * RoundOff.U * (norm(after) + norm(before))
                + gamma(30 * 5) * NormOps_DDRM.normF(delta);

        assertThat(NormOps_DDRM.normF(projected)).isLessThanOrEqualTo(tolerance);
        // Two Euclidean norms (P squares and sums, one square root each) and a division, computed
        // in another order than the generator's: γ_{2P+5} relative.
        double expected = NormOps_DDRM.normF(delta) / norm(before);
        assertThat(Math.abs(relative - expected)).isLessThanOrEqualTo(gamma(2 * 30 + 5) * expected);
    }

    @Test
    void tooFewSamplesAreRejectedWithTheCount() {
        DMatrixRMaj A = new DMatrixRMaj(4, 3);
        assertThatThrownBy(() -> MinimumNormCorrection.apply(A, new double[3], new double[4], "Σ_yZ"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Σ_yZ has 4 independent entries but there are only 3 samples");
    }

    @Test
    void degenerateSamplesAreRejected() {
        DMatrixRMaj A = new DMatrixRMaj(2, 5);
        for (int mu = 0; mu < 5; mu++) {
            A.set(0, mu, mu);
            A.set(1, mu, 2 * mu);
        }
        assertThatThrownBy(() -> MinimumNormCorrection.apply(A, new double[5], new double[2], "S"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("degenerate");
    }

    private static double norm(double[] v) {
        return NormOps_DDRM.normF(DMatrixRMaj.wrap(v.length, 1, v));
    }
}
