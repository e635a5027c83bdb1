package org.saddlecheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stage detector under noise: multiplicative noise L_k e^{σ ξ_k} on a three-drop staircase and
 * on a flat curve, over many seeds. Seeds are fixed (1000 + try) so that a failure replays.
 */
class StageDetectorProperties {

    private static final int TRIES = 100;
    private static final double FLOOR = 1e-3;
    private static final double[] A = {0.5, 0.125, 0.03125};
    private static final double[] S = {1, 0.5, 0.25};
    private static final double[] TAU = {12, 24, 46};
    private static final DoubleUnaryOperator STAIRCASE = Curves.logistics(FLOOR, A, S, TAU);
    private static final double[] TIMES = Curves.logSpaced(1e-3, 200, 1.01);
    private static final Stages CLEAN = StageDetector.detect(TIMES, Curves.values(TIMES, STAIRCASE));

    /**
     * The fewest records on any plateau of the staircase: the shortest, from the end of the first
     * drop (t ≈ 14) to the start of the second (t ≈ 21), spans ln(1.5)/ln(1.01) ≈ 40 records.
     */
    private static final int PLATEAU_RECORDS = 30;

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.03, 0.1})
    void noiseChangesNeitherTheDropsFoundNorTheirTimesBeyondItsSize(double sigma) {
        double[] clean = Curves.values(TIMES, STAIRCASE);
        assertThat(CLEAN.dropCount()).isEqualTo(3);

        for (int trial = 0; trial < TRIES; trial++) {
            Stages noisy = StageDetector.detect(TIMES, Curves.withNoise(clean, sigma, 1000 + trial));

            assertThat(noisy.dropCount()).as("drops with noise %s, seed %s", sigma, 1000 + trial)
                    .isEqualTo(3);
            for (int k = 0; k < 3; k++) {
                assertThat(noisy.dropTimes()[k]).as("drop %s with noise %s, seed %s", k, sigma,
                        1000 + trial).isCloseTo(CLEAN.dropTimes()[k], within(noiseBound(k, sigma)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.03, 0.1})
    void noiseAloneMakesNoDrop(double sigma) {
        // a flat curve: no drop in any of the tries. Were the false-alarm rate 3% per curve, seeing
        // none in 100 tries would have probability 0.97¹⁰⁰ < 5%.
        double[] flat = Curves.values(TIMES, t -> 0.2);

        for (int trial = 0; trial < TRIES; trial++) {
            Stages noisy = StageDetector.detect(TIMES, Curves.withNoise(flat, sigma, 1000 + trial));

            assertThat(noisy.dropCount()).as("false drops with noise %s, seed %s", sigma, 1000 + trial)
                    .isZero();
            assertThat(noisy.plateaus()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.03, 0.1})
    void heavyTailedNoiseMakesNoDropAndLosesNone(double sigma) {
        // Student t with 3 degrees of freedom, scaled to unit variance: outliers far beyond 3σ
        double[] flat = Curves.values(TIMES, t -> 0.2);
        double[] clean = Curves.values(TIMES, STAIRCASE);

        for (int trial = 0; trial < TRIES / 2; trial++) {
            Well19937c random = new Well19937c(1000 + trial);

            int onFlat = StageDetector.detect(TIMES, heavyTailed(flat, sigma, random)).dropCount();
            int onStairs = StageDetector.detect(TIMES, heavyTailed(clean, sigma, random)).dropCount();

            assertThat(onFlat).as("false drops, seed %s", 1000 + trial).isZero();
            assertThat(onStairs).as("drops found, seed %s", 1000 + trial).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.03})
    void noiseCorrelatedBetweenNeighbouringRecordsLosesNoDrop(double sigma) {
        // AR(1) noise ξ_k = ½ ξ_{k−1} + (√3/2) η_k with unit variance: σ̂ from neighbouring records
        // underestimates its size (see the class limitations), yet the staircase survives
        double[] clean = Curves.values(TIMES, STAIRCASE);

        for (int trial = 0; trial < TRIES / 2; trial++) {
            Well19937c random = new Well19937c(1000 + trial);
            double[] noisy = new double[clean.length];
            double xi = random.nextGaussian();
            for (int k = 0; k < clean.length; k++) {
                xi = 0.5 * xi + Math.sqrt(0.75) * random.nextGaussian();
                noisy[k] = clean[k] * Math.exp(sigma * xi);
            }

            assertThat(StageDetector.detect(TIMES, noisy).dropCount()).as("seed %s", 1000 + trial)
                    .isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1})
    void theNoiseLevelIsEstimated(double sigma) {
        // σ̂ is a median-absolute-deviation estimate from about n = 1300 second differences: its
        // relative standard deviation is about 1.17/√n ≈ 3%; the maximum over three lags adds at
        // most two of those upward. 20% is more than five standard deviations away.
        double[] flat = Curves.values(TIMES, t -> 0.2);

        Stages stages = StageDetector.detect(TIMES, Curves.withNoise(flat, sigma, 20251223L));

        assertThat(stages.noiseLevel()).isCloseTo(sigma, within(0.2 * sigma));
        assertThat(stages.minimumRelativeDepth())
                .isCloseTo(1 - Math.exp(-5 * stages.noiseLevel()), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.001, 0.1, 1})
    void theMedianWindowGrowsWithTheNoiseBetweenItsBounds(double sigma) {
        // the window 2m + 1 brings 1.2533 σ/√(2m + 1) down to a quarter of −ln(0.95), within [5, 51]
        int m = StageDetector.medianHalfWidth(sigma, 0.05);
        double target = -Math.log(0.95) / 4;
        int needed = (int) Math.ceil((Math.pow(1.2533 * sigma / target, 2) - 1) / 2);

        assertThat(m).isEqualTo(Math.max(2, Math.min(25, needed)));
    }

    /**
     * Five standard deviations of a crossing time read off noisy records. Near the half-way level
     * M_k = B + Σ_{j>k} a_j + a_k/2 a record's loss has standard deviation σ M_k, which the slope
     * |L'(τ_k)| = a_k s_k / 2 turns into σ M_k / |L'| of time; a line fitted through several records
     * only does better. The half-way level itself is the mean of two plateau medians, each over at
     * least {@link #PLATEAU_RECORDS} records, with standard deviation at most
     * 1.2533 σ (A_before + A_after) / (2 √n).
     */
    private static double noiseBound(int k, double sigma) {
        double below = FLOOR;
        for (int j = k + 1; j < 3; j++) {
            below += A[j];
        }
        double mid = below + A[k] / 2;
        double levels = 1.2533 * (2 * below + A[k]) / (2 * Math.sqrt(PLATEAU_RECORDS));
        double slope = A[k] * S[k] / 2;
        return 5 * sigma * (mid + levels) / slope;
    }

    private static double[] heavyTailed(double[] L, double sigma, Well19937c random) {
        double[] noisy = new double[L.length];
        for (int k = 0; k < L.length; k++) {
            double chi2 = 0;
            for (int i = 0; i < 3; i++) {
                double g = random.nextGaussian();
                chi2 += g * g;
            }
            // t₃ = z / √(χ²₃/3) has variance 3; divide by √3 for unit variance
            double t3 = random.nextGaussian() / Math.sqrt(chi2 / 3) / Math.sqrt(3);
            noisy[k] = L[k] * Math.exp(sigma * t3);
        }
        return noisy;
    }
}
