package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.saddlecheck.DivergenceException;

/**
 * What a run records, checked on gradient descent on L = ½ Σ a_j θ_j², whose iterates
 * θ_j(n) = (1 − η a_j)ⁿ θ_j(0) and losses are known exactly.
 */
class RecordingTests {

    private static final double U = 0x1p-53;

    private static final double ETA = 0.01;

    private static final double[] A = {1, 0.05};

    /** L_n = ½ Σ a_j (1 − η a_j)^{2n} for θ(0) = (1, 1). */
    private static double exactLoss(long n) {
        double sum = 0;
        for (double a : A) {
            sum += a * Math.pow(1 - ETA * a, 2 * n);
        }
        return 0.5 * sum;
    }

    @Test
    void recordsStartEndLogSpacedStepsAndEveryStepPastTheRelativeChange() {
        double change = 0.05;
        double end = 50;
        RunPlan plan = RunPlan.until(end).withRecording(0.1, 2, change);
        Trajectory run = new GradientDescent(ETA).run(new DiagonalQuadratic(A), new double[] {1, 1},
                plan);

        // the steps of the log-spaced times 0.1·10^{j/2}: the first step at or after each
        Set<Long> logSteps = new HashSet<>();
        for (int j = 0; 0.1 * Math.pow(10, j / 2.0) <= end; j++) {
            logSteps.add(Recorder.stepCount(0.1 * Math.pow(10, j / 2.0), ETA));
        }
        long last = Recorder.stepCount(end, ETA);

        assertThat(run.time(0)).isZero();
        assertThat(run.endTime()).isEqualTo(last * ETA);
        long previous = 0;
        for (int i = 1; i < run.size(); i++) {
            long n = Math.round(run.time(i) / ETA);
            // every recorded loss is the exact one, up to the n roundings of the powers: 8n·u
            assertThat(run.loss(i)).isCloseTo(exactLoss(n),
                    within(8 * n * U * exactLoss(n)));
            double before = exactLoss(previous);
            boolean moved = Math.abs(exactLoss(n) - before) > change * before;
            assertThat(logSteps.contains(n) || moved || n == last).as("record at step %d", n).isTrue();
            // no step between two records moved past the change (otherwise it would be recorded)
            for (long k = previous + 1; k < n; k++) {
                assertThat(Math.abs(exactLoss(k) - before)).as("step %d", k)
                        .isLessThanOrEqualTo(change * before * (1 + 1e-9));
            }
            for (long k : logSteps) {
                assertThat(k <= previous || k >= n).isTrue();
            }
            previous = n;
        }
    }

    @Test
    void unitNormsAreRecordedBesideEveryLossWhenAsked() {
        RunPlan plan = RunPlan.until(1).withUnitNorms(1);
        Trajectory run = new GradientDescent(ETA).run(new DiagonalQuadratic(A), new double[] {3, -4},
                plan);
        assertThat(run.hasUnitNorms()).isTrue();
        assertThat(run.unitNorms(0)).containsExactly(3, 4);
        double[] last = run.unitNorms(run.size() - 1);
        assertThat(last).containsExactly(Math.abs(run.finalTheta()[0]), Math.abs(run.finalTheta()[1]));
    }

    @Test
    void aNonFiniteInitialLossIsRejectedAtTimeZero() {
        assertThatThrownBy(() -> new GradientDescent(ETA).run(DiagonalQuadratic.undefinedBeyond(1, 1),
                new double[] {2}, RunPlan.until(1)))
                .isInstanceOf(DivergenceException.class).hasMessageContaining("at t = 0");
    }

    @Test
    void numbersInMessagesAreShortAndExact() {
        assertThat(Recorder.number(12.5)).isEqualTo("12.5");
        assertThat(Recorder.number(1250)).isEqualTo("1250");
        assertThat(Recorder.number(1e6)).isEqualTo("1e+06");
        assertThat(Recorder.number(100000)).isEqualTo("100000");
        assertThat(Recorder.number(0)).isEqualTo("0");
        assertThat(Recorder.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Recorder.where(12.5, 1250)).isEqualTo("t = 12.5 (step 1250)");
        assertThat(Recorder.where(12.5, Recorder.NO_STEP)).isEqualTo("t = 12.5");
    }

    @Test
    void stepCountIsTheCeilingWithRoundingForgiven() {
        assertThat(Recorder.stepCount(1, 0.3)).isEqualTo(4);
        assertThat(Recorder.stepCount(100, 0.1)).isEqualTo(1000);
        assertThat(Recorder.stepCount(0.3, 0.1)).isEqualTo(3);
        assertThat(Recorder.stepCount(1e-9, 1)).isEqualTo(1);
    }
}
