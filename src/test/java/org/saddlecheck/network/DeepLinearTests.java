package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.WhitenedRegression;

class DeepLinearTests {

    private static Dataset data() {
        // Seed 4: any whitened data set serves.
        return WhitenedRegression.generate(3, 2, 9, new double[] {1, 0.5}, 0, 4).data();
    }

    private static double[] theta(DeepLinear net) {
        Well19937c random = new Well19937c(5); // a fixed generic point
        double[] theta = new double[net.dimension()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.5 * random.nextGaussian();
        }
        return theta;
    }

    @Test
    void theGradientMatchesCentralDifferencesWithAndWithoutSkip() {
        for (boolean skip : new boolean[] {false, true}) {
            DeepLinear net = new DeepLinear(data(), 4, 3, skip);
            double[] theta = theta(net);
            double[] gradient = new double[net.dimension()];
            net.lossAndGradient(theta, gradient);
            double h = 1e-5;
            for (int k = 0; k < theta.length; k++) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[k] += h;
                minus[k] -= h;
                double numeric = (net.loss(plus) - net.loss(minus)) / (2 * h);
                // Central differences: truncation h²/6 · |L'''| (L is a polynomial of degree 6 in
                // θ with O(1) coefficients here: |L'''| ≲ 10²) ≈ 2·10⁻⁹, plus round-off
                // u·|L|/h ≈ 10⁻¹¹: 10⁻⁷ leaves a factor 50 of margin.
                assertThat(Math.abs(gradient[k] - numeric)).as("entry %d, skip %s", k, skip)
                        .isLessThan(1e-7);
            }
        }
    }

    @Test
    void theLossIsHalfTheMeanSquaredErrorOfTheEndToEndMap() {
        Dataset data = data();
        DeepLinear net = new DeepLinear(data, 4, 3, true);
        double[] theta = theta(net);
        double[] w = new double[2 * 3];
        net.endToEnd(theta, w);
        double sum = 0;
        for (int mu = 0; mu < data.samples(); mu++) {
            for (int a = 0; a < 2; a++) {
                double f = 0;
                for (int b = 0; b < 3; b++) {
                    f += w[a * 3 + b] * data.X().get(mu, b);
                }
                double r = data.Y().get(mu, a) - f;
                sum += r * r;
            }
        }
        double expected = sum / (2 * data.samples());
        // Two evaluation orders of a sum of O(1) terms: a few ulps of the largest, 10⁻¹² with margin.
        assertThat(net.loss(theta)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }
}
