package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.DivergenceException;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.network.Objective;

class GradientFlowTests {

    private static final double U = 0x1p-53;

    // Fixed seed so that a failure replays; any seed gives generic orthonormal Q and R.
    private static final long SEED = 20251223L;

    /** The acceptance level for the flow against the exact solution. */
    private static final double ORACLE_LEVEL = 1e-8;

    /** The relative tolerance that should reach it (see the bound in the test). */
    private static final double R = 1e-12;

    static Stream<Arguments> startsAndSpectra() {
        double[] halving = {1, 0.5, 0.25};
        double[] figure2 = {6.0 / 11, 3.0 / 11, 2.0 / 11};
        List<Arguments> cases = new ArrayList<>();
        for (double[] s : new double[][] {halving, figure2}) {
            for (double epsilon : new double[] {1e-3, 1e-6, 1e-12}) {
                cases.add(Arguments.of(epsilon, s));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "ε = {0}, s = {1}")
    @MethodSource("startsAndSpectra")
    void matchesTheClosedFormAtEveryStepSnapshotAndRecordThroughAllDrops(double epsilon,
            double[] s) {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, s, SEED);
        double w0 = epsilon * epsilon;
        SaxeSolution oracle = m.oracle(w0);
        double end = m.settledTime(w0);
        double[] snapshotTimes = new double[256];
        for (int i = 0; i < snapshotTimes.length; i++) {
            snapshotTimes[i] = end * (i + 1) / (snapshotTimes.length + 1);
        }
        WorstDeviation worst = new WorstDeviation((t, theta) -> m.relativeError(oracle, t, theta));
        RunPlan plan = RunPlan.until(end).withSnapshots(snapshotTimes).withObserver(worst);

        Trajectory run = new GradientFlow(R).run(m.objective(), m.alignedTheta(w0), plan);
        for (Trajectory.Snapshot snapshot : run.snapshots()) {
            worst.see(snapshot.time(), snapshot.theta());
        }

        // A priori bound (class Javadoc of GradientFlow): each accepted step adds a relative error
        // of at most 2r in an entry (√n·2r for a single entry of the n = 40), errors add up in the
        // growth phase, so after N steps δ ≤ 2r√n·N; dense output between step ends is accurate to
        // the same order, doubling it. The bound must itself be under the acceptance level, or the
        // run took too many steps for r to guarantee it.
        double bound = 2 * 2 * R * Math.sqrt(run.finalTheta().length) * run.steps();
        assertThat(bound).as("a priori error bound after %d steps", run.steps())
                .isLessThanOrEqualTo(ORACLE_LEVEL);
        assertThat(worst.count()).isEqualTo(run.steps() + snapshotTimes.length);
        assertThat(worst.worst()).as("worst relative error in w_k, at t = %s", worst.worstTime())
                .isLessThanOrEqualTo(ORACLE_LEVEL);
        assertRecordsFollowTheClosedFormLoss(run, oracle, s);
    }

    /**
     * With Σ_xx = I and Y = X Mᵀ, L(t) = ½ Σ (s_k − w_k)² (no irreducible loss), so an error
     * δ·w_k in every w_k moves L by at most Σ |s_k − w_k|·δ·w_k + ½ Σ (δ w_k)²; the loss itself is
     * summed from 16 products of O(s₁) entries, which adds about 64u·s₁².
     */
    private static void assertRecordsFollowTheClosedFormLoss(Trajectory run, SaxeSolution oracle,
            double[] s) {
        for (int i = 0; i < run.size(); i++) {
            double t = run.time(i);
            double tolerance = 64 * U * s[0] * s[0];
            for (int k = 0; k < s.length; k++) {
                double w = oracle.modeStrength(k, t);
                tolerance += Math.abs(s[k] - w) * ORACLE_LEVEL * w + 0.5 * Math.pow(ORACLE_LEVEL * w, 2);
            }
            assertThat(Math.abs(run.loss(i) - oracle.reducibleLoss(t))).as("record %d at t = %s", i, t)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void plainAbsoluteToleranceMisplacesTheEscapeThatTheScaledOneResolves() {
        // The failure the scaled tolerance prevents: from weights at 1e-12 a fixed absolute tolerance
        // of 1e-10 accepts errors a hundred times the weights. Same method and relative tolerance
        // 1e-8 on both sides; only the absolute part differs. The scaled run must meet 1e-6 at the
        // first half-learning time (a bound 2r√n·N with N ≤ 200 steps gives 2.5e-5; measured is far
        // less); the plain one is expected to miss by more than 1%: it takes steps across the whole
        // escape, where the relative error of the exponential phase is O((sh)⁹) with sh = O(1).
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double w0 = 1e-24;
        SaxeSolution oracle = m.oracle(w0);
        double t1 = oracle.halfLearningTime(0);
        Objective objective = m.objective();

        Trajectory scaled = new GradientFlow(1e-8).run(objective, m.alignedTheta(w0), RunPlan.until(t1));
        double scaledError = m.relativeError(oracle, t1, scaled.finalTheta());

        FirstOrderDifferentialEquations field = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return objective.dimension();
            }

            @Override
            public void computeDerivatives(double t, double[] theta, double[] thetaDot) {
                objective.lossAndGradient(theta, thetaDot);
                for (int j = 0; j < thetaDot.length; j++) {
                    thetaDot[j] = -thetaDot[j];
                }
            }
        };
        double[] plainEnd = new double[objective.dimension()];
        new DormandPrince853Integrator(1e-13 * t1, t1, 1e-10, 1e-8)
                .integrate(field, 0, m.alignedTheta(w0), t1, plainEnd);
        double plainError = m.relativeError(oracle, t1, plainEnd);

        assertThat(scaledError).isLessThanOrEqualTo(1e-6);
        assertThat(plainError).isGreaterThan(1e-2);
    }

    @Test
    void recordsTheLogSpacedTimesExactlyAndStartsAtZero() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double end = 30;
        RunPlan plan = RunPlan.until(end).withRecording(0.01, 20, 0.05);
        Trajectory run = new GradientFlow(1e-8).run(m.objective(), m.alignedTheta(1e-6), plan);

        List<Double> times = new ArrayList<>();
        for (double t : run.times()) {
            times.add(t);
        }
        assertThat(run.time(0)).isZero();
        assertThat(run.endTime()).isEqualTo(end);
        for (int j = 0; 0.01 * Math.pow(10, j / 20.0) <= end; j++) {
            assertThat(times).contains(0.01 * Math.pow(10, j / 20.0));
        }
        assertThat(run.times()).isSorted();
    }

    @Test
    void snapshotsLandExactlyOnTheRequestedTimes() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double[] requested = {-1, 0, 0.1, 3.3, 7.25, 29.999, 30, 31};
        Trajectory run = new GradientFlow(1e-8).run(m.objective(), m.alignedTheta(1e-6),
                RunPlan.until(30).withSnapshots(requested));

        // times at or before 0 keep θ(0) at t = 0; the one past the end is never reached
        assertThat(run.snapshots()).extracting(Trajectory.Snapshot::time)
                .containsExactly(0.0, 0.0, 0.1, 3.3, 7.25, 29.999, 30.0);
        assertThat(run.snapshots().get(0).theta()).isEqualTo(m.alignedTheta(1e-6));
        assertThat(run.snapshots().get(6).theta()).isEqualTo(run.finalTheta());
    }

    @Test
    void observerSeesEveryAcceptedStepAndTheStopRuleEndsTheRunAtTheFirstStepPastIt() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double w0 = 1e-6;
        SaxeSolution oracle = m.oracle(w0);
        StepCounter counter = new StepCounter();
        List<Double> modeOne = new ArrayList<>();
        Observer modes = (t, loss, theta) -> modeOne.add(m.modeStrength(theta, 0));
        StopRule halfLearned = (t, loss, theta) -> m.modeStrength(theta, 0) >= 0.5;

        Trajectory run = new GradientFlow(1e-10).run(m.objective(), m.alignedTheta(w0),
                RunPlan.until(100).withObserver(Observers.all(counter, modes))
                        .withStopRule(halfLearned));

        assertThat(counter.steps()).isEqualTo(run.steps());
        assertThat(counter.lastTime()).isEqualTo(run.endTime());
        assertThat(modeOne.get(modeOne.size() - 1)).isGreaterThanOrEqualTo(0.5);
        assertThat(modeOne.subList(0, modeOne.size() - 1)).allMatch(w -> w < 0.5);
        // the stop comes within one step (at most T/100 = 1) after t_1
        assertThat(run.endTime()).isBetween(oracle.halfLearningTime(0), oracle.halfLearningTime(0) + 1);
        assertThat(run.gradientEvaluations()).isGreaterThanOrEqualTo(15 * run.steps());
    }

    @Test
    void stepEndLossesCostNothingAndRecordsOneLossEvaluationEach() {
        // With the first log-spaced time past the end, nothing is recorded between step ends: the
        // only loss evaluated alone is L(0); every step-end loss comes from the last stage. Each
        // accepted step costs 15 gradients (12 stages and 3 dense-output stages), plus the start.
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        RunPlan sparse = RunPlan.until(40).withRecording(100, 10, 0.01);
        Trajectory run = new GradientFlow(1e-8).run(m.objective(), m.alignedTheta(1e-6), sparse);
        assertThat(run.lossEvaluations()).isEqualTo(1);
        assertThat(run.gradientEvaluations()).isGreaterThanOrEqualTo(15 * run.steps());

        RunPlan dense = RunPlan.until(40).withRecording(100, 10, 0.01).withSnapshots(1, 2, 3);
        Trajectory withSnapshots = new GradientFlow(1e-8).run(m.objective(), m.alignedTheta(1e-6), dense);
        assertThat(withSnapshots.lossEvaluations()).isEqualTo(1 + 3);
        assertThat(withSnapshots.gradientEvaluations()).isEqualTo(run.gradientEvaluations());
    }

    @Test
    void aLossThatStopsBeingDefinedIsReportedAsDivergenceAtItsTime() {
        // L = −½θ² grows θ = θ0·e^t; the loss is NaN once |θ| > 2, at t* = ln(2/θ0). The method
        // sees it at the first step end past t*, at most one maximal step T/100 later.
        double theta0 = 1e-3;
        double crossing = Math.log(2 / theta0);
        double end = 20;
        assertThatThrownBy(() -> new GradientFlow(1e-8).run(DiagonalQuadratic.undefinedBeyond(2, -1),
                new double[] {theta0}, RunPlan.until(end)))
                .isInstanceOf(DivergenceException.class)
                .hasMessageStartingWith("the loss became NaN at t = ")
                .satisfies(e -> assertThat(((DivergenceException) e).time())
                        .isBetween(crossing, crossing + end / 100));
    }

    @Test
    void aFlowThatBlowsUpInFiniteTimeEndsWithACollapsedStepBeforeTheBlowUp() {
        // L = −θ⁴/4 gives θ̇ = θ³, θ(t) = 1/√(1/θ0² − 2t), infinite at t* = 1/(2θ0²) = 0.5 for
        // θ0 = 1. The step shrinks with the distance to t* and falls below 1e-13·T first.
        Objective quartic = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double loss(double[] theta) {
                return -Math.pow(theta[0], 4) / 4;
            }

            @Override
            public double lossAndGradient(double[] theta, double[] gradient) {
                gradient[0] = -theta[0] * theta[0] * theta[0];
                return loss(theta);
            }

            @Override
            public Objective copy() {
                return this;
            }
        };
        assertThatThrownBy(() -> new GradientFlow(1e-8).run(quartic, new double[] {1}, RunPlan.until(1)))
                .isInstanceOf(SaddlecheckException.class)
                .hasMessageStartingWith("the adaptive step fell below the minimum 1e-13 after t = 0.5");
    }

    @Test
    void anExhaustedEvaluationBudgetIsReportedWithTheTimeReached() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        assertThatThrownBy(() -> new GradientFlow(1e-10).withMaxEvaluations(100)
                .run(m.objective(), m.alignedTheta(1e-6), RunPlan.until(50)))
                .isInstanceOf(SaddlecheckException.class)
                .hasMessageContaining("budget of 100 gradient evaluations ran out after t = ");
    }

    @Test
    void leavesTheInitialParametersUntouchedAndRejectsBadInput() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double[] theta0 = m.alignedTheta(1e-6);
        double[] copy = theta0.clone();
        new GradientFlow(1e-8).run(m.objective(), theta0, RunPlan.until(5));
        assertThat(theta0).isEqualTo(copy);

        assertThatThrownBy(() -> new GradientFlow(1e-16)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("relative tolerance (1.0E-16)");
        assertThatThrownBy(() -> new GradientFlow(1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new GradientFlow(1e-8).run(m.objective(), new double[3],
                RunPlan.until(5))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("θ(0) has length 3");
    }

    @Test
    void initialScaleIsTheRootMeanSquareOfTheStartOrOneAtZero() {
        // √((3² + 4²)/2)·1e-12 = √12.5·1e-12; squares, sum, division and root round: within 4u.
        assertThat(GradientFlow.initialScale(new double[] {3e-12, -4e-12}))
                .isCloseTo(Math.sqrt(12.5) * 1e-12, within(4 * U * 3.6e-12));
        assertThat(GradientFlow.initialScale(new double[4])).isEqualTo(1);
    }
}
