package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.saddlecheck.DivergenceException;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Objective;

class GradientDescentTests {

    private static final double U = 0x1p-53;

    // Fixed seed so that a failure replays; any seed gives generic orthonormal Q and R.
    private static final long SEED = 20251223L;

    @Test
    void oneStepIsExplicitEulerBitForBit() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        // Fixed seed: a generic start with every entry non-zero.
        SplittableRandom random = new SplittableRandom(3);
        double[] theta0 = new double[m.network.parameterCount()];
        for (int j = 0; j < theta0.length; j++) {
            theta0[j] = 0.1 * random.nextGaussian();
        }
        double eta = 0.05;
        Objective independent = m.objective();
        double[] gradient = new double[theta0.length];
        independent.lossAndGradient(theta0, gradient);
        double[] expected = new double[theta0.length];
        for (int j = 0; j < theta0.length; j++) {
            expected[j] = theta0[j] - eta * gradient[j];
        }

        Trajectory run = new GradientDescent(eta).run(m.objective(), theta0, RunPlan.until(eta));

        assertThat(run.steps()).isEqualTo(1);
        assertThat(run.finalTheta()).isEqualTo(expected);
        assertThat(run.finalLoss()).isEqualTo(independent.loss(expected));
    }

    @Test
    void halvingTheLearningRateHalvesTheError() {
        // GD's relative error in w_k is ≈ η s² t in the growth phase (factor (1 + ηs)² per step
        // against e^{2sη}), ≈ 7η for the first mode at its drop (t ≈ 7 from ε = 1e-3); the next
        // term is that error's own relative size, ≈ 0.05 at η = 1/128, so p_obs − 1 ≈ 0.05/(2 ln 2)
        // ≈ 0.04, well inside the band. Errors ≈ 1e-2 are far above round-off.
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double w0 = 1e-6;
        double end = Math.ceil(m.settledTime(w0));
        double[] errors = ConvergenceOrder.errors(GradientDescent::new, 1.0 / 128, m, w0, end);

        assertThat(ConvergenceOrder.observed(errors)).as("E(h) = %s, E(h/2) = %s", errors[0], errors[1])
                .isCloseTo(1, within(ConvergenceOrder.BAND));
    }

    @Test
    void takesTheCeilingOfEndOverLearningRateStepsAndPlacesStepNAtNEta() {
        Trajectory short4 = new GradientDescent(0.3).run(new DiagonalQuadratic(1), new double[] {1},
                RunPlan.until(1));
        assertThat(short4.steps()).isEqualTo(4);
        assertThat(short4.endTime()).isEqualTo(4 * 0.3);
        assertThat(short4.gradientEvaluations()).isEqualTo(5);

        // 100 / 0.1 is not exactly 1000 in floating point; it still counts as 1000 steps
        Trajectory long1000 = new GradientDescent(0.1).run(new DiagonalQuadratic(1e-3),
                new double[] {1}, RunPlan.until(100));
        assertThat(long1000.steps()).isEqualTo(1000);
        assertThat(long1000.endTime()).isEqualTo(1000 * 0.1);
    }

    @Test
    void aHugeLearningRateDivergesAndTheMessageNamesTheStep() {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, new double[] {1, 0.5, 0.25}, SEED);
        double eta = 50;
        assertThatThrownBy(() -> new GradientDescent(eta).run(m.objective(), m.alignedTheta(0.01),
                RunPlan.until(1e4)))
                .isInstanceOf(DivergenceException.class)
                .satisfies(e -> {
                    Matcher step = Pattern.compile("at t = \\S+ \\(step (\\d+)\\)$")
                            .matcher(e.getMessage());
                    assertThat(step.find()).as(e.getMessage()).isTrue();
                    long n = Long.parseLong(step.group(1));
                    assertThat(((DivergenceException) e).time()).isEqualTo(n * eta);
                });
    }

    @Test
    void divergesAtTheStepWhereTheExactLossPassesTheBlowUpBound() {
        // L = ½θ², η = 3: θ_n = (−2)ⁿ, L_n = ½·4ⁿ. The bound is 1e6·max(L0, 1) = 1e6, first passed
        // at the smallest n with ½·4ⁿ > 1e6, n = ⌈log₄(2e6)⌉ = 11 (log₄(2e6) ≈ 10.47).
        long n = (long) Math.ceil(Math.log(2e6) / Math.log(4));
        assertThatThrownBy(() -> new GradientDescent(3).run(new DiagonalQuadratic(1),
                new double[] {1}, RunPlan.until(100)))
                .isInstanceOf(DivergenceException.class)
                .hasMessage("the loss (" + Recorder.number(0.5 * Math.pow(4, n)) + ") exceeded the "
                        + "blow-up bound 1e6·max(L(0), 1) = 1e+06 at t = " + Recorder.number(3.0 * n)
                        + " (step " + n + ")");
    }

    @Test
    void anInfiniteLossIsNamedWithItsStep() {
        assertThatThrownBy(() -> new GradientDescent(1e200).run(new DiagonalQuadratic(1),
                new double[] {1}, RunPlan.until(1e201)))
                .isInstanceOf(DivergenceException.class)
                .hasMessage("the loss became Infinity at t = 1e+200 (step 1)");
    }

    @Test
    void rejectsANonPositiveLearningRate() {
        assertThatThrownBy(() -> new GradientDescent(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("learning rate η (-1.0)");
    }
}
