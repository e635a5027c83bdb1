package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The default records are dense enough to place every drop: the time at which the loss crosses
 * half-way between two plateaus, interpolated linearly between records, lies within 1% of the
 * exact crossing of the closed-form loss.
 */
class RecordDensityTests {

    // Fixed seed so that a failure replays; any seed gives generic orthonormal Q and R.
    private static final long SEED = 20251223L;

    private static final double[] S = {1, 0.5, 0.25};

    private static final double W0 = 1e-12;

    @Test
    void flowRecordsPlaceEachDropWithinOnePercent() {
        // The flow's own error (< 1e-8) is negligible: the 1% is the records' budget.
        assertDropsPlaced(new GradientFlow(1e-8), 0.01);
    }

    @Test
    void gradientDescentRecordsPlaceEachDropWithinOnePercent() {
        // GD grows a mode by (1 + ηs)² per step against e^{2sη}: its growth rate is
        // 2 ln(1 + ηs)/η ≈ 2s(1 − ηs/2), so its drops come late by the fraction ηs/2 ≤ 0.2% at
        // η = 1/256; the records get the rest of the 1%.
        assertDropsPlaced(new GradientDescent(1.0 / 256), 0.01);
    }

    @Test
    void rungeKuttaRecordsPlaceEachDropWithinOnePercent() {
        assertDropsPlaced(new RungeKutta4(1.0 / 16), 0.01);
    }

    private static void assertDropsPlaced(Integrator method, double fraction) {
        WhitenedModes m = WhitenedModes.of(4, 4, 5, S, SEED);
        SaxeSolution oracle = m.oracle(W0);
        Trajectory run = method.run(m.objective(), m.alignedTheta(W0),
                RunPlan.until(m.settledTime(W0)));

        for (int k = 0; k < S.length; k++) {
            // plateaus ½ Σ_{j≥k} s_j² before drop k and ½ Σ_{j>k} s_j² after it
            double after = 0;
            for (int j = k + 1; j < S.length; j++) {
                after += 0.5 * S[j] * S[j];
            }
            double level = after + 0.25 * S[k] * S[k];
            double exact = exactCrossing(oracle, level);
            assertThat(recordedCrossing(run, level)).as("drop %d", k)
                    .isCloseTo(exact, within(fraction * exact));
        }
    }

    /** The time at which the closed-form loss (decreasing in t) falls to {@code level}, by bisection. */
    private static double exactCrossing(SaxeSolution oracle, double level) {
        double lo = 0;
        double hi = 1;
        while (oracle.reducibleLoss(hi) > level) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (oracle.reducibleLoss(mid) > level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The first crossing of {@code level} by the records, interpolated linearly between two. */
    private static double recordedCrossing(Trajectory run, double level) {
        for (int i = 1; i < run.size(); i++) {
            if (run.loss(i) <= level) {
                double t0 = run.time(i - 1);
                double l0 = run.loss(i - 1);
                return t0 + (run.time(i) - t0) * (l0 - level) / (l0 - run.loss(i));
            }
        }
        throw new AssertionError("the records never fall to " + level);
    }
}
