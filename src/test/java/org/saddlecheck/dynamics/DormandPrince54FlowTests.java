package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.saddlecheck.DivergenceException;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.SaddlecheckException;

class DormandPrince54FlowTests {

    private static final double[] C = DormandPrince54Flow.C;
    private static final double[][] A = DormandPrince54Flow.A;

    // Fixed seed so that a failure replays; any seed gives generic orthonormal Q and R.
    private static final long SEED = 20251223L;

    /** Σ_j a_sj c_j^p for each stage s. */
    private static double[] aTimesPowers(int p) {
        double[] out = new double[C.length];
        for (int s = 0; s < C.length; s++) {
            for (int j = 0; j < A[s].length; j++) {
                out[s] += A[s][j] * Math.pow(C[j], p);
            }
        }
        return out;
    }

    private static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int s = 0; s < w.length; s++) {
            sum += w[s] * x[s];
        }
        return sum;
    }

    private static double[] powers(int p) {
        double[] out = new double[C.length];
        for (int s = 0; s < C.length; s++) {
            out[s] = Math.pow(C[s], p);
        }
        return out;
    }

    private static double[] times(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            out[s] = x[s] * y[s];
        }
        return out;
    }

    private static double[] aTimes(double[] x) {
        double[] out = new double[C.length];
        for (int s = 0; s < C.length; s++) {
            for (int j = 0; j < A[s].length; j++) {
                out[s] += A[s][j] * x[j];
            }
        }
        return out;
    }

    /**
     * The order conditions up to order 4 (Hairer, Nørsett and Wanner, Section II.2) of weights
     * w(θ) at step fraction θ: Σw = θ, Σwc = θ²/2, Σwc² = θ³/3, ΣwAc = θ³/6, Σwc³ = θ⁴/4,
     * Σw·c·Ac = θ⁴/8, ΣwAc² = θ⁴/12, ΣwAAc = θ⁴/24. The coefficients are ratios of integers up to
     * 10¹², each rounded once, and the sums have 7 terms of size at most 12: 10⁻¹³ is far above their
     * round-off and far below any wrong digit.
     */
    private static void assertOrderFour(double[] w, double theta) {
        double tol = 1e-13;
        double[] ones = powers(0);
        double[] c = powers(1);
        double[] ac = aTimesPowers(1);
        assertThat(dot(w, ones)).isCloseTo(theta, within(tol));
        assertThat(dot(w, c)).isCloseTo(Math.pow(theta, 2) / 2, within(tol));
        assertThat(dot(w, powers(2))).isCloseTo(Math.pow(theta, 3) / 3, within(tol));
        assertThat(dot(w, ac)).isCloseTo(Math.pow(theta, 3) / 6, within(tol));
        assertThat(dot(w, powers(3))).isCloseTo(Math.pow(theta, 4) / 4, within(tol));
        assertThat(dot(w, times(c, ac))).isCloseTo(Math.pow(theta, 4) / 8, within(tol));
        assertThat(dot(w, aTimesPowers(2))).isCloseTo(Math.pow(theta, 4) / 12, within(tol));
        assertThat(dot(w, aTimes(ac))).isCloseTo(Math.pow(theta, 4) / 24, within(tol));
    }

    @Test
    void tableauIsConsistentAndItsSolutionsHaveOrdersFiveAndFour() {
        for (int s = 0; s < C.length; s++) {
            double rowSum = 0;
            for (double a : A[s]) {
                rowSum += a;
            }
            assertThat(rowSum).as("row %d sums to c", s).isCloseTo(C[s], within(1e-14));
        }
        assertOrderFour(DormandPrince54Flow.B, 1);
        assertOrderFour(DormandPrince54Flow.B_HAT, 1);
        // the nine conditions of order five for the propagated solution
        double[] b = DormandPrince54Flow.B;
        double[] c = powers(1);
        double[] ac = aTimesPowers(1);
        double[] ac2 = aTimesPowers(2);
        double tol = 1e-13;
        assertThat(dot(b, powers(4))).isCloseTo(1.0 / 5, within(tol));
        assertThat(dot(b, times(powers(2), ac))).isCloseTo(1.0 / 10, within(tol));
        assertThat(dot(b, times(c, ac2))).isCloseTo(1.0 / 15, within(tol));
        assertThat(dot(b, times(c, aTimes(ac)))).isCloseTo(1.0 / 30, within(tol));
        assertThat(dot(b, times(ac, ac))).isCloseTo(1.0 / 20, within(tol));
        assertThat(dot(b, aTimesPowers(3))).isCloseTo(1.0 / 20, within(tol));
        assertThat(dot(b, aTimes(times(c, ac)))).isCloseTo(1.0 / 40, within(tol));
        assertThat(dot(b, aTimes(ac2))).isCloseTo(1.0 / 60, within(tol));
        assertThat(dot(b, aTimes(aTimes(ac)))).isCloseTo(1.0 / 120, within(tol));
        // the embedded solution is not of order five: a copy error in it would hide here otherwise
        assertThat(Math.abs(dot(DormandPrince54Flow.B_HAT, powers(4)) - 1.0 / 5)).isGreaterThan(1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.1, 0.37, 0.5, 0.81, 1})
    void continuousExtensionHasOrderFourAndEndsOnTheStep(double theta) {
        double[] w = DormandPrince54Flow.denseWeights(theta);
        assertOrderFour(w, theta);
        if (theta == 1) {
            assertThat(w).containsExactly(DormandPrince54Flow.B, within(1e-15));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1e-6, 1e-12})
    void followsTheClosedFormAtEveryStepEndAndSnapshotThroughAllDrops(double epsilon) {
        double r = 1e-10;
        double level = 1e-5;
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double w0 = epsilon * epsilon;
        SaxeSolution oracle = m.oracle(w0);
        double end = m.settledTime(w0);
        double[] snapshotTimes = new double[128];
        for (int i = 0; i < snapshotTimes.length; i++) {
            snapshotTimes[i] = end * (i + 1) / (snapshotTimes.length + 1);
        }
        WorstDeviation worst = new WorstDeviation((t, theta) -> m.relativeError(oracle, t, theta));
        Trajectory run = new DormandPrince54Flow(r).run(m.objective(), m.alignedTheta(w0),
                RunPlan.until(end).withSnapshots(snapshotTimes).withObserver(worst));
        for (Trajectory.Snapshot snapshot : run.snapshots()) {
            worst.see(snapshot.time(), snapshot.theta());
        }
        // the a priori bound of GradientFlowTests (2r relative per step and entry, √n·2r for one
        // entry, adding up over N steps, doubled for the dense output, whose order-4 error is of
        // the size of the controlled estimate) must itself be under the level
        double bound = 2 * 2 * r * Math.sqrt(run.finalTheta().length) * run.steps();
        assertThat(bound).as("a priori bound after %d steps", run.steps()).isLessThanOrEqualTo(level);
        assertThat(worst.count()).isEqualTo(run.steps() + snapshotTimes.length);
        assertThat(worst.worst()).as("worst relative error in w_k at t = %s", worst.worstTime())
                .isLessThanOrEqualTo(level);
        // six gradients per accepted step (first same as last), one for the start and one for the
        // starting step, six per rejected step
        assertThat((run.gradientEvaluations() - 2) % 6).isZero();
    }

    @Test
    void recordsSnapshotsAndTheStopRuleBehaveAsInTheReferenceFlow() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double[] requested = {-1, 0, 0.1, 3.3, 7.25, 29.999, 30, 31};
        Trajectory run = new DormandPrince54Flow(1e-8).run(m.objective(), m.alignedTheta(1e-6),
                RunPlan.until(30).withRecording(0.01, 20, 0.05).withSnapshots(requested));
        assertThat(run.snapshots()).extracting(Trajectory.Snapshot::time)
                .containsExactly(0.0, 0.0, 0.1, 3.3, 7.25, 29.999, 30.0);
        assertThat(run.snapshots().get(6).theta()).isEqualTo(run.finalTheta());
        List<Double> times = new ArrayList<>();
        for (double t : run.times()) {
            times.add(t);
        }
        for (int j = 0; 0.01 * Math.pow(10, j / 20.0) <= 30; j++) {
            assertThat(times).contains(0.01 * Math.pow(10, j / 20.0));
        }
        assertThat(run.times()).isSorted();

        SaxeSolution oracle = m.oracle(1e-6);
        StopRule halfLearned = (t, loss, theta) -> m.modeStrength(theta, 0) >= 0.5;
        Trajectory stopped = new DormandPrince54Flow(1e-10).run(m.objective(), m.alignedTheta(1e-6),
                RunPlan.until(100).withStopRule(halfLearned));
        // the stop comes within one maximal step (T/100 = 1) after t_1
        assertThat(stopped.endTime()).isBetween(oracle.halfLearningTime(0),
                oracle.halfLearningTime(0) + 1);
    }

    @Test
    void divergenceCollapseBudgetAndBadInputAreReported() {
        double theta0 = 1e-3;
        double crossing = Math.log(2 / theta0);
        assertThatThrownBy(() -> new DormandPrince54Flow(1e-8).run(
                DiagonalQuadratic.undefinedBeyond(2, -1), new double[] {theta0}, RunPlan.until(20)))
                .isInstanceOf(DivergenceException.class)
                .satisfies(e -> assertThat(((DivergenceException) e).time())
                        .isBetween(crossing, crossing + 20.0 / 100));
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        assertThatThrownBy(() -> new DormandPrince54Flow(1e-10).withMaxEvaluations(100)
                .run(m.objective(), m.alignedTheta(1e-6), RunPlan.until(50)))
                .isInstanceOf(SaddlecheckException.class)
                .hasMessageContaining("budget of 100 gradient evaluations ran out after t = ");
        double[] start = m.alignedTheta(1e-6);
        double[] copy = start.clone();
        new DormandPrince54Flow(1e-8).run(m.objective(), start, RunPlan.until(5));
        assertThat(start).isEqualTo(copy);
        assertThatThrownBy(() -> new DormandPrince54Flow(1e-16)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("relative tolerance (1.0E-16)");
    }
}
