package org.saddlecheck.analysis;

import java.util.Arrays;

/**
 * Robust smoothing primitives for loss curves: a short running median and the non-increasing
 * least-squares fit (isotonic regression by pooling adjacent violators).
 */
final class MonotoneFit {
    private MonotoneFit() {
    }

    /**
     * The running median over 2m + 1 records: k − m … k + m, or the first or last 2m + 1 records
     * for the m records at each end (so that no record is left unsmoothed). A running median removes
     * isolated outliers and leaves a monotone stretch unchanged except within m records of the
     * ends, where it takes the value m records in. With fewer than 2m + 1 records the median of all
     * is used. Returns a new array.
     */
    static double[] runningMedian(double[] y, int halfWidth) {
        int n = y.length;
        int size = Math.min(n, 2 * halfWidth + 1);
        double[] out = new double[n];
        double[] window = new double[size];
        for (int k = 0; k < n; k++) {
            int from = Math.max(0, Math.min(k - halfWidth, n - size));
            System.arraycopy(y, from, window, 0, size);
            Arrays.sort(window);
            out[k] = size % 2 == 1 ? window[size / 2]
                    : 0.5 * (window[size / 2 - 1] + window[size / 2]);
        }
        return out;
    }

    /**
     * The non-increasing sequence g minimising Σ_k (g_k − y_k)², by pooling adjacent violators:
     * blocks are merged while a block's mean exceeds the mean of the block before it. O(n).
     * Returns a new array.
     */
    static double[] nonIncreasing(double[] y) {
        int n = y.length;
        double[] sum = new double[n];
        int[] count = new int[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            sum[blocks] = y[k];
            count[blocks] = 1;
            blocks++;
            // merge while the new block's mean is above its predecessor's (a violation)
            while (blocks > 1 && sum[blocks - 1] * count[blocks - 2]
                    > sum[blocks - 2] * count[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] g = new double[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            double mean = sum[b] / count[b];
            for (int j = 0; j < count[b]; j++) {
                g[k++] = mean;
            }
        }
        return g;
    }

    /**
     * The weighted median of y[from..to] (inclusive): the smallest value v with at least half the
     * total weight on values ≤ v. Falls back to the plain median when the weights sum to zero.
     * y[from..to] must be non-increasing (as a monotone fit is), so no sorting is needed.
     */
    static double weightedMedian(double[] y, double[] w, int from, int to) {
        double total = 0;
        for (int k = from; k <= to; k++) {
            total += w[k];
        }
        if (!(total > 0)) {
            return median(y, from, to);
        }
        double below = 0;
        for (int k = to; k >= from; k--) {
            below += w[k];
            if (below >= 0.5 * total) {
                return y[k];
            }
        }
        return y[from];
    }

    /** The median of y[from..to] (inclusive). */
    static double median(double[] y, int from, int to) {
        double[] part = Arrays.copyOfRange(y, from, to + 1);
        Arrays.sort(part);
        int n = part.length;
        return n % 2 == 1 ? part[n / 2] : 0.5 * (part[n / 2 - 1] + part[n / 2]);
    }
}
