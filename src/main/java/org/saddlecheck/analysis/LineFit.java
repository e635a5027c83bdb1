package org.saddlecheck.analysis;

import org.saddlecheck.Require;

/**
 * The ordinary least-squares line y = intercept + slope · x through n points, with the standard
 * error of the slope under independent, equal-variance residuals:
 * <pre>
 *   slope = S_xy / S_xx,   intercept = ȳ − slope · x̄,
 *   se(slope) = √( Σ_k r_k² / (n − 2) / S_xx ),   r_k = y_k − intercept − slope · x_k,
 * </pre>
 * with S_xx = Σ (x_k − x̄)² and S_xy = Σ (x_k − x̄)(y_k − ȳ) (sums taken about the means, which
 * keeps them accurate when x is far from 0).
 *
 * @param slope the fitted slope
 * @param standardError the standard error of the slope; NaN for two points
 * @param intercept the fitted value at x = 0
 * @param count n
 */
public record LineFit(double slope, double standardError, double intercept, int count) {

    /**
     * Fits y against x. Neither array is modified.
     *
     * @throws org.saddlecheck.InvalidInputException if the lengths differ, there are fewer than two
     *     points, a value is not finite, or all x are equal
     */
    public static LineFit of(double[] x, double[] y) {
        Require.length("y", y, x.length);
        Require.that(x.length >= 2, "a line fit needs at least 2 points, not " + x.length);
        Require.finite("x", x);
        Require.finite("y", y);
        int n = x.length;
        double xMean = 0;
        double yMean = 0;
        for (int k = 0; k < n; k++) {
            xMean += x[k];
            yMean += y[k];
        }
        xMean /= n;
        yMean /= n;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - xMean;
            sxx += dx * dx;
            sxy += dx * (y[k] - yMean);
        }
        Require.that(sxx > 0, "a line fit needs at least two distinct x values");
        double slope = sxy / sxx;
        double intercept = yMean - slope * xMean;
        double rss = 0;
        for (int k = 0; k < n; k++) {
            double r = y[k] - yMean - slope * (x[k] - xMean);
            rss += r * r;
        }
        double se = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Double.NaN;
        return new LineFit(slope, se, intercept, n);
    }

    /** intercept + slope · x. */
    public double valueAt(double x) {
        return intercept + slope * x;
    }
}
