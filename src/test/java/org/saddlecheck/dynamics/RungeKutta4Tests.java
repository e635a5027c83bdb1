package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class RungeKutta4Tests {

    private static final double U = 0x1p-53;

    // Fixed seed so that a failure replays; any seed gives generic orthonormal Q and R.
    private static final long SEED = 20251223L;

    @Test
    void halvingTheStepDividesTheErrorBySixteen() {
        // s = 1, ½, ¼ from ε = 1e-3; the fastest rate in the run is λ = 2s₁ = 2 (w ∝ e^{2st}), and
        // the next term of RK4's error expansion is one more power of λh: at h = 1/16 that is 1/8,
        // so p_obs − 4 ≈ (1/8)/(2 ln 2) ≈ 0.09, inside the band. The errors (≈ 1e-6) sit far above
        // round-off (N·u ≈ 1e-13 for N ≈ 1500 steps), so rounding does not bend the ratio.
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double w0 = 1e-6;
        double end = Math.ceil(m.settledTime(w0));
        double[] errors = ConvergenceOrder.errors(RungeKutta4::new, 1.0 / 16, m, w0, end);

        assertThat(errors[1]).isGreaterThan(1e3 * 2000 * U);
        assertThat(ConvergenceOrder.observed(errors)).as("E(h) = %s, E(h/2) = %s", errors[0], errors[1])
                .isCloseTo(4, within(ConvergenceOrder.BAND));
    }

    @Test
    void oneStepOnALinearFlowIsItsDegreeFourTaylorPolynomial() {
        // θ̇ = −aθ: one RK4 step multiplies θ by R(z) = 1 + z + z²/2 + z³/6 + z⁴/24, z = −ah. The
        // method and the polynomial round differently, each by a few u: within 16u·|θ0|.
        double[] a = {0.5, 2, -1};
        double[] theta0 = {1, -2, 0.5};
        double h = 0.1;
        Trajectory run = new RungeKutta4(h).run(new DiagonalQuadratic(a), theta0, RunPlan.until(h));
        for (int j = 0; j < a.length; j++) {
            double z = -a[j] * h;
            double growth = 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
            assertThat(run.finalTheta()[j]).isCloseTo(growth * theta0[j],
                    within(16 * U * Math.abs(theta0[j])));
        }
    }

    @Test
    void takesTheCeilingOfEndOverStepStepsAtFourEvaluationsEach() {
        Trajectory run = new RungeKutta4(0.3).run(new DiagonalQuadratic(1), new double[] {1},
                RunPlan.until(1));
        assertThat(run.steps()).isEqualTo(4);
        assertThat(run.endTime()).isEqualTo(4 * 0.3);
        assertThat(run.gradientEvaluations()).isEqualTo(4 * 4 + 1);
    }

    @Test
    void snapshotIsTakenAtTheFirstStepAtOrAfterEachRequestedTime() {
        List<double[]> stepThetas = new ArrayList<>();
        Observer keep = (t, loss, theta) -> stepThetas.add(theta.clone());
        Trajectory run = new RungeKutta4(0.25).run(new DiagonalQuadratic(1, 3),
                new double[] {1, 1}, RunPlan.until(1).withSnapshots(0.1, 0.25, 0.3).withObserver(keep));

        assertThat(run.snapshots()).extracting(Trajectory.Snapshot::time)
                .containsExactly(0.25, 0.25, 0.5);
        assertThat(run.snapshots().get(0).theta()).isEqualTo(stepThetas.get(0));
        assertThat(run.snapshots().get(2).theta()).isEqualTo(stepThetas.get(1));
    }

    @Test
    void rejectsANonPositiveStep() {
        assertThatThrownBy(() -> new RungeKutta4(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("step h (0.0)");
    }
}
