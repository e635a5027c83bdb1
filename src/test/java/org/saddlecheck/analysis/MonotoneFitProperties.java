package org.saddlecheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The smoothing primitives of the stage detector against their defining formulas. */
class MonotoneFitProperties {

    /** Seeded so that a failing array can be reproduced. */
    private final Well19937c random = new Well19937c(20251223L);

    @Test
    void theNonIncreasingFitIsTheMinMaxOfBlockMeans() {
        // The least-squares non-increasing fit has the closed form
        // g_k = min_{i ≤ k} max_{j ≥ k} mean(y_i … y_j) (the antitonic form of the isotonic
        // regression's min-max formula); compared on 200 random arrays of up to 30 values.
        for (int trial = 0; trial < 200; trial++) {
            double[] y = randomArray(1 + random.nextInt(30));

            double[] g = MonotoneFit.nonIncreasing(y);

            for (int k = 0; k < y.length; k++) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i <= k; i++) {
                    double worst = Double.NEGATIVE_INFINITY;
                    for (int j = k; j < y.length; j++) {
                        worst = Math.max(worst, mean(y, i, j));
                    }
                    best = Math.min(best, worst);
                }
                // sums of up to 30 values of order 1: round-off below 1e-13
                assertThat(g[k]).isCloseTo(best, within(1e-12));
            }
        }
    }

    @Test
    void theNonIncreasingFitDoesNotIncreaseAndKeepsTheSum() {
        for (int trial = 0; trial < 100; trial++) {
            double[] y = randomArray(1 + random.nextInt(200));

            double[] g = MonotoneFit.nonIncreasing(y);

            for (int k = 1; k < g.length; k++) {
                assertThat(g[k]).isLessThanOrEqualTo(g[k - 1]);
            }
            // each pooled block takes its mean, so the total is kept up to round-off
            assertThat(Arrays.stream(g).sum()).isCloseTo(Arrays.stream(y).sum(), within(1e-10));
        }
    }

    @Test
    void theRunningMedianLeavesAMonotoneSequenceAloneAwayFromItsEnds() {
        double[] y = new double[100];
        for (int k = 0; k < y.length; k++) {
            y[k] = -k * k + 0.5 * k;
        }

        for (int m : new int[] {2, 7}) {
            double[] smooth = MonotoneFit.runningMedian(y, m);

            for (int k = m; k < y.length - m; k++) {
                assertThat(smooth[k]).isEqualTo(y[k]);
            }
            // the first and last m records take the median of the first and last 2m + 1: y_m, y_{n−1−m}
            assertThat(smooth[0]).isEqualTo(y[m]);
            assertThat(smooth[y.length - 1]).isEqualTo(y[y.length - 1 - m]);
        }
    }

    @Test
    void theRunningMedianRemovesAnIsolatedOutlier() {
        double[] y = new double[20];
        Arrays.fill(y, 1);
        y[10] = 1e6;

        assertThat(MonotoneFit.runningMedian(y, 2)).containsOnly(1);
    }

    @Test
    void theWeightedMedianSplitsTheWeightInHalf() {
        // on a non-increasing sequence: the smallest value with at least half the weight at or below
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(20);
            double[] y = MonotoneFit.nonIncreasing(randomArray(n));
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                w[k] = random.nextDouble();
            }

            double median = MonotoneFit.weightedMedian(y, w, 0, n - 1);

            double total = Arrays.stream(w).sum();
            double atOrBelow = 0;
            double below = 0;
            for (int k = 0; k < n; k++) {
                atOrBelow += y[k] <= median ? w[k] : 0;
                below += y[k] < median ? w[k] : 0;
            }
            assertThat(atOrBelow).isGreaterThanOrEqualTo(0.5 * total);
            assertThat(below).isLessThan(0.5 * total);
        }
    }

    private double[] randomArray(int n) {
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            y[k] = random.nextGaussian() - 0.05 * k;
        }
        return y;
    }

    private static double mean(double[] y, int i, int j) {
        double sum = 0;
        for (int k = i; k <= j; k++) {
            sum += y[k];
        }
        return sum / (j - i + 1);
    }
}
