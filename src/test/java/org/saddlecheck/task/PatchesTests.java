package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saddlecheck.task.RoundOff.gamma;
import static org.saddlecheck.task.RoundOff.maxDifference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class PatchesTests {

    // Any seed works: the claims hold for every draw. Fixed so that a failure can be replayed.
    private static final long SEED = 17L;

    @Test
    void fullInputVectorIsWhitened() {
        Patches task = Patches.generate(4, 3, 60, new double[] {1, 0.5}, 0, SEED);

        double tolerance = WhitenedRegressionTests.whitenedTolerance(task.data(), 12);
        assertThat(maxDifference(task.data().sigmaXX(), CommonOps_DDRM.identity(12)))
                .isLessThanOrEqualTo(tolerance);
    }

    @Test
    void patchStatisticHasTheRequestedSingularValues() {
        double[] s = {1, 0.5, 0.5};
        Patches task = Patches.generate(4, 3, 80, s, 0.2, SEED);

        // The patch statistic T_pj = (1/P) Σ_μ y_μ x_μ[p·k + j] is Σ_yx reshaped row-major.
        DMatrixRMaj T = new DMatrixRMaj(4, 3);
        System.arraycopy(task.data().sigmaYX().data, 0, T.data, 0, 12);
        DMatrixRMaj vecT = DMatrixRMaj.wrap(1, 12, task.statistic().data.clone());
        double entry = WhitenedRegressionTests.mapTolerance(task.data(), vecT, 0.2,
                WhitenedRegressionTests.whitenedTolerance(task.data(), 13));
        assertThat(maxDifference(T, task.statistic())).isLessThanOrEqualTo(entry);

        // Weyl's inequality and a backward-stable SVD, as for whitened regression.
        double[] measured = WhitenedRegressionTests.singularValues(T);
        double tolerance = Math.sqrt(12) * entry + gamma(16) * NormOps_DDRM.normF(T);
        for (int k = 0; k < s.length; k++) {
            assertThat(Math.abs(measured[k] - s[k])).isLessThanOrEqualTo(tolerance);
        }
        assertThat(task.irreducibleLoss()).isEqualTo(0.5 * 0.2 * 0.2);
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        Patches a = Patches.generate(2, 2, 10, new double[] {1}, 0, 4);
        Patches b = Patches.generate(2, 2, 10, new double[] {1}, 0, 4);
        assertThat(a.data().Y().data).isEqualTo(b.data().Y().data);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> Patches.generate(2, 3, 10, new double[] {1, 1, 1}, 0, SEED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spectrum s has 3 values but min(N_p, k) = 2");
        assertThatThrownBy(() -> Patches.generate(2, 3, 5, new double[] {1}, 0, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("samples P (5)");
        assertThatThrownBy(() -> Patches.generate(0, 3, 5, new double[] {1}, 0, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("patches N_p (0)");
    }
}
