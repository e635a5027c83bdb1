package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saddlecheck.task.RoundOff.gamma;
import static org.saddlecheck.task.RoundOff.maxDifference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class ReluDataTests {

    // Any seed works: the claims hold for every draw. Fixed so that a failure can be replayed.
    private static final long SEED = 23L;

    @Test
    void orthogonalInputsHaveGramMatrixDTimesIdentity() {
        DMatrixRMaj rays = new DMatrixRMaj(new double[][] {{1, 0, 0, 0, 0, 0}, {0, 1, -1, 0, 0, 0}});
        ReluData task = ReluData.orthogonal(6, 4, rays, new double[] {1, -0.5}, SEED);

        DMatrixRMaj gram = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransB(task.data().X(), task.data().X(), gram);
        DMatrixRMaj expected = CommonOps_DDRM.identity(4);
        CommonOps_DDRM.scale(6, expected);
        // O (D × P) from Householder QR: |OᵀO − I| ≤ 2√P·γ_{DP} per entry; scaling by √D twice and
        // the inner product of length D add γ_{D+2}; everything is multiplied by D.
        double tolerance = 6 * (2 * Math.sqrt(4) * gamma(24) + gamma(8));
        assertThat(maxDifference(gram, expected)).isLessThanOrEqualTo(tolerance);
    }

    @Test
    void orthogonalTargetsAreTheTeachersValues() {
        DMatrixRMaj rays = new DMatrixRMaj(new double[][] {{1, 2, 0}, {0, -1, 1}});
        double[] a = {0.5, 2};
        ReluData task = ReluData.orthogonal(3, 3, rays, a, SEED);

        for (int mu = 0; mu < 3; mu++) {
            double[] x = {task.data().X().get(mu, 0), task.data().X().get(mu, 1),
                task.data().X().get(mu, 2)};
            double first = Math.max(0, x[0] + 2 * x[1]);
            double second = Math.max(0, -x[1] + x[2]);
            // Each pre-activation is an inner product of length 3 (γ_3 relative to Σ|r x|), then
            // two products and a sum (γ_3 more).
            double magnitude = 0.5 * (Math.abs(x[0]) + 2 * Math.abs(x[1]))
                    + 2 * (Math.abs(x[1]) + Math.abs(x[2]));
            assertThat(Math.abs(task.data().Y().get(mu, 0) - (a[0] * first + a[1] * second)))
                    .isLessThanOrEqualTo(2 * gamma(6) * magnitude);
        }
    }

    @Test
    void kinkTargetChangesSlopeOnlyAtTheKinksAndByTheGivenAmounts() {
        double[] kinks = {-0.3, 0.41};
        double[] a = {1.5, -2};
        ReluData task = ReluData.kinks(41, kinks, a);
        double h = 2.0 / 40;

        // The slope change between neighbouring grid intervals, (y_{μ+1} − 2y_μ + y_{μ−1})/h, is
        // zero away from the kinks and sums to a_j across the one or two intervals that hold kink j.
        // Targets are of size ≤ Σ|a_j|·2 and each is a chain of about 6 roundings (grid point,
        // two ReLU terms); the difference of three targets divided by h adds 3 more.
        double tolerance = 4 * gamma(9) * (Math.abs(a[0]) + Math.abs(a[1])) * 2 / h;
        double total = 0;
        for (int mu = 1; mu < 40; mu++) {
            double x = task.data().X().get(mu, 0);
            double jump = (task.data().Y().get(mu + 1, 0) - 2 * task.data().Y().get(mu, 0)
                    + task.data().Y().get(mu - 1, 0)) / h;
            boolean nearKink = Math.abs(x - kinks[0]) < h || Math.abs(x - kinks[1]) < h;
            if (!nearKink) {
                assertThat(Math.abs(jump)).isLessThanOrEqualTo(tolerance);
            }
            total += jump;
        }
        assertThat(Math.abs(total - (a[0] + a[1]))).isLessThanOrEqualTo(39 * tolerance);
        assertThat(task.rays().get(1, 1)).isEqualTo(-0.41);
    }

    @Test
    void gridCoversMinusOneToOne() {
        ReluData task = ReluData.kinks(5, new double[] {0.1}, new double[] {1});
        assertThat(task.data().X().data).containsExactly(-1, -0.5, 0, 0.5, 1);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        DMatrixRMaj rays = new DMatrixRMaj(1, 3);
        assertThatThrownBy(() -> ReluData.orthogonal(3, 4, rays, new double[] {1}, SEED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("samples P (4) must be at most D = 3");
        assertThatThrownBy(() -> ReluData.orthogonal(2, 2, rays, new double[] {1}, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rays have 3 entries");
        assertThatThrownBy(() -> ReluData.orthogonal(3, 2, rays, new double[] {1, 2}, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weights has length 2");
        assertThatThrownBy(() -> ReluData.kinks(10, new double[] {0.5, 0.2}, new double[] {1, 1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kinks[1] (0.2)");
        assertThatThrownBy(() -> ReluData.kinks(10, new double[] {1.5}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inside the grid");
        assertThatThrownBy(() -> ReluData.kinks(10, new double[] {0.5}, new double[] {0}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weights[0] is 0");
    }
}
